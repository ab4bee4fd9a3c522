import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { insertAccount, listAccounts } from "@/lib/accounts/store";
import { appendAudit, verifyChain } from "@/lib/audit/store";
import { BackupError, backupEmbedded, restoreEmbedded } from "./backup";
import { databaseSubdir } from "./data-dir";
import { openDatabase } from "./index";

const temp = (name: string) => mkdtempSync(join(tmpdir(), `${name}-`));

describe("backing up the embedded database", () => {
  test("back up, wipe, restore: the accounts are back and the audit chain verifies", async () => {
    const dataDir = temp("backup-data");
    const file = join(temp("backup-file"), "showrunner.tar.gz");
    const first = await openDatabase({ databaseUrl: null, dataDir });
    await insertAccount(first.db, { email: "kept@example.com", role: "admin", passwordHash: null });
    for (let i = 0; i < 20; i += 1)
      await appendAudit(first.db, { actorId: null, actorEmail: "ops@example.com", action: "bench.write", targetId: String(i), outcome: "success" });
    await first.close();

    const { bytes } = await backupEmbedded(dataDir, file);
    expect(bytes).toBeGreaterThan(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    rmSync(join(dataDir, databaseSubdir), { recursive: true });
    expect(await restoreEmbedded(dataDir, file)).toEqual({ setAside: null });
    const again = await openDatabase({ databaseUrl: null, dataDir });
    try {
      expect((await listAccounts(again.db)).map((a) => a.email)).toEqual(["kept@example.com"]);
      expect(await verifyChain(again.db, { scope: "all" })).toMatchObject({ intact: true, rows: 20, checked: 20 });
    } finally {
      await again.close();
    }
  }, 60_000);

  test("keeps a database already there unless told to replace it, and a bad file changes nothing", async () => {
    const dataDir = temp("backup-data");
    const file = join(temp("backup-file"), "showrunner.tar.gz");
    const d = await openDatabase({ databaseUrl: null, dataDir });
    await insertAccount(d.db, { email: "first@example.com", role: "admin", passwordHash: null });
    await d.close();
    await backupEmbedded(dataDir, file);

    await expect(restoreEmbedded(dataDir, file)).rejects.toThrow(/already holds a database.*--replace/);
    const bad = join(temp("backup-file"), "bad.tar.gz");
    writeFileSync(bad, "not a backup");
    await expect(restoreEmbedded(dataDir, bad, { replace: true })).rejects.toBeInstanceOf(BackupError);
    expect(readdirSync(dataDir).filter((n) => n.startsWith(`${databaseSubdir}.before-restore`))).toEqual([]);

    const { setAside } = await restoreEmbedded(dataDir, file, { replace: true });
    expect(setAside && existsSync(setAside)).toBe(true);
    const again = await openDatabase({ databaseUrl: null, dataDir });
    try {
      expect((await listAccounts(again.db)).map((a) => a.email)).toEqual(["first@example.com"]);
    } finally {
      await again.close();
    }
  }, 60_000);

  test("says so when there is nothing to back up, or no such backup", async () => {
    await expect(backupEmbedded(temp("backup-empty"), join(temp("backup-file"), "x.tar.gz"))).rejects.toThrow(/no embedded database/);
    await expect(restoreEmbedded(temp("backup-empty"), "/nonexistent/backup.tar.gz")).rejects.toThrow(/No backup file/);
  });
});
