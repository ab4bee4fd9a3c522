import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import type { OpenDatabase } from "@/lib/db";
import { withLock } from "@/lib/db";
import { engines, freshDatabase } from "@/lib/db/testing";
import { countAdmins, insertAccount, markDisabled, markEnabled, endSessions, findForSignIn, listAccounts, sessionState, setRole } from "./store";

describe.each(engines)("accounts on %s", (engine) => {
  let d: OpenDatabase;
  beforeAll(async () => {
    d = await freshDatabase(engine);
  });
  afterAll(() => d.close());

  test("stores e-mails in lower case and finds them whatever the case", async () => {
    await insertAccount(d.db, { email: "  Mixed@Example.COM ", role: "support", passwordHash: "h" });
    const found = await findForSignIn(d.db, "MIXED@example.com");
    expect(found?.email).toBe("mixed@example.com");
    expect(found?.passwordHash).toBe("h");
  });

  test("never lists password hashes", async () => {
    const rows = await listAccounts(d.db);
    expect(JSON.stringify(rows)).not.toContain("passwordHash");
  });

  test("bumps the session version on every change, so open sessions notice", async () => {
    const a = await insertAccount(d.db, { email: "ops@example.com", role: "operator", passwordHash: null });
    expect((await sessionState(d.db, a.id))?.sessionVersion).toBe(1);
    await setRole(d.db, a.id, "support");
    await endSessions(d.db, a.id);
    await markDisabled(d.db, a.id);
    expect(await sessionState(d.db, a.id)).toMatchObject({ role: "support", sessionVersion: 4, disabled: true, mustChangePassword: false });
    await markEnabled(d.db, a.id);
    expect((await sessionState(d.db, a.id))?.disabled).toBe(false);
  });

  test("a change made through one copy of this module reaches the session states another copy read (Next loads one per bundle)", async () => {
    const a = await insertAccount(d.db, { email: "bundles@example.com", role: "operator", passwordHash: null });
    vi.resetModules();
    const pageCopy = await import("./store");
    expect((await pageCopy.sessionState(d.db, a.id))?.disabled).toBe(false);
    await markDisabled(d.db, a.id);
    expect((await pageCopy.sessionState(d.db, a.id))?.disabled).toBe(true);
  });

  test("never answers a stale session state, even with reads racing a change", async () => {
    const a = await insertAccount(d.db, { email: "racer@example.com", role: "operator", passwordHash: null });
    await sessionState(d.db, a.id);
    const reads = Array.from({ length: 20 }, () => sessionState(d.db, a.id));
    await Promise.all([...reads, markDisabled(d.db, a.id)]);
    expect((await sessionState(d.db, a.id))?.disabled).toBe(true);
    await withLock(d.db, 1, (tx) => setRole(tx, a.id, "support"));
    expect(await sessionState(d.db, a.id)).toMatchObject({ role: "support", sessionVersion: 3, disabled: true });
  });

  test("never keeps a state read while a change was under way, whenever the read started", async () => {
    const a = await insertAccount(d.db, { email: "late-racer@example.com", role: "operator", passwordHash: null });
    await sessionState(d.db, a.id);
    const change = markDisabled(d.db, a.id);
    // Reads starting a few turns after the change began, some of them before its write reaches the database.
    const reads = Array.from({ length: 200 }, async (_, turns) => {
      for (let i = 0; i < turns; i += 1) await Promise.resolve();
      return sessionState(d.db, a.id);
    });
    await Promise.all([change, ...reads]);
    expect((await sessionState(d.db, a.id))?.disabled).toBe(true);
  });

  test("counts enabled admins", async () => {
    const before = await countAdmins(d.db);
    const admin = await insertAccount(d.db, { email: "boss@example.com", role: "admin", passwordHash: null });
    expect(await countAdmins(d.db)).toBe(before + 1);
    await markDisabled(d.db, admin.id);
    expect(await countAdmins(d.db)).toBe(before);
  });
});
