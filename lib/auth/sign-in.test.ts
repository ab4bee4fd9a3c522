import { randomBytes, scryptSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { listAudit, verifyChain } from "@/lib/audit/store";
import type { OpenDatabase } from "@/lib/db";
import { findForSignIn, insertAccount, markDisabled, sessionState } from "@/lib/accounts/store";
import { engines, freshDatabase } from "@/lib/db/testing";
import { hashPassword } from "./password";
import { signInWithPassword } from "./sign-in";

describe.each(engines)("password sign-in on %s", (engine) => {
  let d: OpenDatabase;
  beforeAll(async () => {
    d = await freshDatabase(engine);
    await insertAccount(d.db, { email: "ana@example.com", role: "operator", passwordHash: await hashPassword("the right password") });
    const off = await insertAccount(d.db, { email: "gone@example.com", role: "support", passwordHash: await hashPassword("the right password") });
    await markDisabled(d.db, off.id);
    // Two password hashes and a fresh database: seconds on a busy two-core machine.
  }, 30_000);
  afterAll(() => d.close());

  const attempt = (email: string, password: string, ip = "192.0.2.1") => signInWithPassword(d.db, { email, password, ip, userAgent: "test" });

  test("accepts the right password and audits the success without the password", async () => {
    const result = await attempt("ANA@example.com", "the right password");
    expect(result).toMatchObject({ ok: true, account: { email: "ana@example.com", role: "operator" } });
    expect(JSON.stringify(result)).not.toContain("passwordHash");
    const [row] = await listAudit(d.db, { action: "auth.sign_in", outcome: "success" });
    expect(row?.targetId).toBe("ana@example.com");
    expect(JSON.stringify(await listAudit(d.db, {}))).not.toContain("the right password");
  });

  test("a sign-in replaces an older scrypt hash with today's, and the account's sessions carry on", async () => {
    const salt = randomBytes(16);
    const key = scryptSync("an older passphrase", salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    const older = ["scrypt", 2 ** 15, 8, 1, salt.toString("base64url"), key.toString("base64url")].join("$");
    const made = await insertAccount(d.db, { email: "old@example.com", role: "support", passwordHash: older });
    const version = (await sessionState(d.db, made.id))?.sessionVersion;
    expect(await attempt("old@example.com", "an older passphrase", "192.0.2.90")).toMatchObject({ ok: true });
    const upgraded = (await findForSignIn(d.db, "old@example.com"))?.passwordHash;
    expect(upgraded).toMatch(/^\$argon2id\$/);
    expect((await sessionState(d.db, made.id))?.sessionVersion).toBe(version);
    expect(await attempt("old@example.com", "an older passphrase", "192.0.2.90")).toMatchObject({ ok: true });
    expect((await findForSignIn(d.db, "old@example.com"))?.passwordHash).toBe(upgraded);
  });

  test("answers a wrong password, an unknown e-mail and a disabled account alike", async () => {
    expect(await attempt("ana@example.com", "wrong password!")).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt("nobody@example.com", "the right password")).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt("gone@example.com", "the right password")).toEqual({ ok: false, reason: "invalid" });
  });

  test("backs off an address after three failures, refusing even the right password from it, but not from elsewhere", async () => {
    const email = "ana@example.com";
    const results = [];
    for (let i = 0; i < 4; i += 1) results.push(await attempt(email, `wrong ${i}`, "198.51.100.7"));
    expect(results.slice(0, 3).every((r) => !r.ok && r.reason === "invalid")).toBe(true);
    expect(results[3]).toMatchObject({ ok: false, reason: "throttled", why: "source" });
    expect(await attempt(email, "the right password", "198.51.100.7")).toMatchObject({ ok: false, reason: "throttled" });
    expect(await attempt(email, "the right password", "203.0.113.20")).toMatchObject({ ok: true });
    const refused = await listAudit(d.db, { action: "auth.sign_in", outcome: "denied" });
    expect(refused.length).toBe(2);
    expect(refused[0]?.ip).toBe("198.51.100.7");
    expect((await verifyChain(d.db)).intact).toBe(true);
  });
});
