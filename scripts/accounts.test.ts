import { spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";

function accounts(dataDir: string, args: string[], input = ""): { code: number | null; out: string; err: string } {
  const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/accounts.ts", ...args], {
    input,
    encoding: "utf8",
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" },
    timeout: 60_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe("npm run accounts", () => {
  test("creates the first admin from a password on stdin, lists and disables accounts", () => {
    const dataDir = mkdtempSync(join(tmpdir(), "accounts-cli-"));
    const created = accounts(dataDir, ["create", "--email", "First@Example.com", "--role", "admin", "--password-stdin"], "a long enough password\n");
    expect(created.code).toBe(0);
    expect(created.out).toContain("Created admin first@example.com");
    expect(created.out).not.toContain("a long enough password");
    expect(accounts(dataDir, ["disable", "--email", "first@example.com"]).code).toBe(0);
    expect(accounts(dataDir, ["list"]).out).toMatch(/first@example\.com\tadmin\tdisabled/);
    const unlocked = accounts(dataDir, ["unlock", "--email", "FIRST@example.com"]);
    expect(unlocked.code).toBe(0);
    expect(unlocked.out).toContain("Lifted every sign-in back-off on first@example.com");
    expect(accounts(dataDir, ["unlock", "--email", "nobody@example.com"]).err).toContain("No account with that --email");
  }, 120_000);

  test("refuses bad input with one clear line and changes nothing", () => {
    const dataDir = mkdtempSync(join(tmpdir(), "accounts-cli-"));
    const bad = accounts(dataDir, ["create", "--email", "not-an-email", "--role", "admin"]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain("--email must be an e-mail address");
    expect(accounts(dataDir, ["create", "--email", "a@b.co", "--role", "root"]).err).toContain("--role must be one of");
    expect(accounts(dataDir, ["create", "--email", "a@b.co", "--role", "support", "--password-stdin"], "short").err).toContain("at least 12");
    expect(accounts(dataDir, ["list"]).out.trim()).toBe("");
  }, 120_000);

  test("refuses a data directory other users can write, saying how to fix it", () => {
    const dataDir = mkdtempSync(join(tmpdir(), "accounts-cli-"));
    chmodSync(dataDir, 0o777);
    const refused = accounts(dataDir, ["list"]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`accounts: The data directory ${dataDir} is writable by other users (mode 0777)`);
    expect(refused.err).toContain(`chmod 700 '${dataDir}'`);
    expect(refused.err).not.toContain("    at ");
  }, 60_000);

  test("refuses while another process holds the embedded database", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "accounts-cli-"));
    const holder = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
    try {
      writeFileSync(join(dataDir, "db.lock"), String(holder.pid));
      const refused = accounts(dataDir, ["list"]);
      expect(refused.code).toBe(1);
      expect(refused.err).toContain("is in use by another process");
    } finally {
      holder.kill();
    }
  }, 60_000);
});
