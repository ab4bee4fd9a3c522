import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { OpenDatabase } from "@/lib/db";
import { withLock } from "@/lib/db";
import { engines, freshDatabase } from "@/lib/db/testing";
import { lockState, ipDelayMs, maxFailures, recordAttempt } from "@/lib/auth/throttle";
import {
  countAdmins,
  createAccount,
  disableAccount,
  enableAccount,
  endSessions,
  findForSignIn,
  listAccounts,
  sessionState,
  setRole,
} from "./accounts";

describe.each(engines)("accounts and sign-in attempts on %s", (engine) => {
  let d: OpenDatabase;
  beforeAll(async () => {
    d = await freshDatabase(engine);
  });
  afterAll(() => d.close());

  test("stores e-mails in lower case and finds them whatever the case", async () => {
    await createAccount(d.db, { email: "  Mixed@Example.COM ", role: "support", passwordHash: "h" });
    const found = await findForSignIn(d.db, "MIXED@example.com");
    expect(found?.email).toBe("mixed@example.com");
    expect(found?.passwordHash).toBe("h");
  });

  test("never lists password hashes", async () => {
    const rows = await listAccounts(d.db);
    expect(JSON.stringify(rows)).not.toContain("passwordHash");
  });

  test("bumps the session version on every change, so open sessions notice", async () => {
    const a = await createAccount(d.db, { email: "ops@example.com", role: "operator", passwordHash: null });
    expect((await sessionState(d.db, a.id))?.sessionVersion).toBe(1);
    await setRole(d.db, a.id, "support");
    await endSessions(d.db, a.id);
    await disableAccount(d.db, a.id);
    expect(await sessionState(d.db, a.id)).toMatchObject({ role: "support", sessionVersion: 4, disabled: true, mustChangePassword: false });
    await enableAccount(d.db, a.id);
    expect((await sessionState(d.db, a.id))?.disabled).toBe(false);
  });

  test("never answers a stale session state, even with reads racing a change", async () => {
    const a = await createAccount(d.db, { email: "racer@example.com", role: "operator", passwordHash: null });
    await sessionState(d.db, a.id);
    const reads = Array.from({ length: 20 }, () => sessionState(d.db, a.id));
    await Promise.all([...reads, disableAccount(d.db, a.id)]);
    expect((await sessionState(d.db, a.id))?.disabled).toBe(true);
    await withLock(d.db, 1, (tx) => setRole(tx, a.id, "support"));
    expect(await sessionState(d.db, a.id)).toMatchObject({ role: "support", sessionVersion: 3, disabled: true });
  });

  test("counts enabled admins", async () => {
    const before = await countAdmins(d.db);
    const admin = await createAccount(d.db, { email: "boss@example.com", role: "admin", passwordHash: null });
    expect(await countAdmins(d.db)).toBe(before + 1);
    await disableAccount(d.db, admin.id);
    expect(await countAdmins(d.db)).toBe(before);
  });

  test("locks an account after five failures in a row, for 15 minutes after the last", async () => {
    const email = "target@example.com";
    const t0 = new Date("2026-11-01T12:00:00Z");
    const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
    for (let i = 0; i < maxFailures - 1; i += 1) await recordAttempt(d.db, email, "10.0.0.1", false, at(i));
    expect((await lockState(d.db, email, at(4))).locked).toBe(false);
    await recordAttempt(d.db, email, "10.0.0.2", false, at(4));
    expect(await lockState(d.db, email, at(5))).toEqual({ locked: true, until: at(19) });
    expect((await lockState(d.db, email, at(19.5))).locked).toBe(false);
  });

  test("a success resets the count", async () => {
    const email = "reset@example.com";
    const now = new Date();
    for (let i = 0; i < 4; i += 1) await recordAttempt(d.db, email, "ip", false, new Date(now.getTime() - 5000 + i));
    await recordAttempt(d.db, email, "ip", true, new Date(now.getTime() - 100));
    await recordAttempt(d.db, email, "ip", false, new Date(now.getTime() - 50));
    expect((await lockState(d.db, email, now)).locked).toBe(false);
  });

  test("slows an IP down after 20 failures in a minute, whatever the e-mails", async () => {
    const now = new Date();
    for (let i = 0; i < 20; i += 1) await recordAttempt(d.db, `x${i}@example.com`, "203.0.113.9", false, new Date(now.getTime() - 1000));
    expect(await ipDelayMs(d.db, "203.0.113.9", now)).toBe(1000);
    await recordAttempt(d.db, "y@example.com", "203.0.113.9", false, new Date(now.getTime() - 500));
    expect(await ipDelayMs(d.db, "203.0.113.9", now)).toBe(2000);
    expect(await ipDelayMs(d.db, "198.51.100.1", now)).toBe(0);
  });
});
