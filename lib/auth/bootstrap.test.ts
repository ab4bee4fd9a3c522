import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { listAudit } from "@/lib/audit/store";
import type { OpenDatabase } from "@/lib/db";
import { findForSignIn, listAccounts } from "@/lib/accounts/store";
import { engines, freshDatabase } from "@/lib/db/testing";
import { bootstrapAccounts } from "./bootstrap";
import { verifyPassword } from "./password";
import { sessionSecret } from "./secret";

describe.each(engines)("start-up accounts on %s", (engine) => {
  let d: OpenDatabase;
  beforeAll(async () => {
    d = await freshDatabase(engine);
  });
  afterAll(() => d.close());

  test("sendbird mode creates no demo accounts, and the configured admin once", async () => {
    const settings = {
      mode: "sendbird" as const,
      demoPassword: "showrunner-demo",
      bootstrapAdmin: { email: "Owner@Example.com", password: "a strong password" },
    };
    expect(await bootstrapAccounts(d.db, settings)).toEqual(["owner@example.com"]);
    expect(await bootstrapAccounts(d.db, settings)).toEqual([]);
    const owner = await findForSignIn(d.db, "owner@example.com");
    expect(owner?.role).toBe("admin");
    expect(await verifyPassword("a strong password", owner?.passwordHash ?? "")).toBe(true);
    expect((await listAccounts(d.db)).map((a) => a.email)).toEqual(["owner@example.com"]);
    expect((await listAudit(d.db, { action: "account.bootstrap" })).map((r) => r.targetId)).toEqual(["owner@example.com"]);
  });

  test("emulator mode creates the three demo accounts with the demo password", async () => {
    const fresh = await freshDatabase(engine);
    try {
      const created = await bootstrapAccounts(fresh.db, { mode: "emulator", demoPassword: "showrunner-demo", bootstrapAdmin: null });
      expect(created.sort()).toEqual(["admin@showrunner.local", "operator@showrunner.local", "support@showrunner.local"]);
      const support = await findForSignIn(fresh.db, "support@showrunner.local");
      expect(support?.role).toBe("support");
      expect(await verifyPassword("showrunner-demo", support?.passwordHash ?? "")).toBe(true);
    } finally {
      await fresh.close();
    }
  });
});

describe("the session secret", () => {
  test("is NEXTAUTH_SECRET when set", () => {
    expect(sessionSecret({ nextAuthSecret: "s".repeat(32), dataDir: "/nonexistent", mode: "sendbird" })).toBe("s".repeat(32));
  });

  test("is generated once in emulator mode and kept readable by its owner only", () => {
    const dataDir = mkdtempSync(join(tmpdir(), "secret-"));
    const first = sessionSecret({ nextAuthSecret: null, dataDir, mode: "emulator" });
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(sessionSecret({ nextAuthSecret: null, dataDir, mode: "emulator" })).toBe(first);
    expect(statSync(join(dataDir, "nextauth-secret")).mode & 0o077).toBe(0);
  });
});
