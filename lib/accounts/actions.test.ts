import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runAction } from "@/lib/actions/core";
import { noSendbird } from "@/lib/sendbird/testing/emulated";
import type { ActionDefinition } from "@/lib/actions/core";
import { listAudit, verifyChain } from "@/lib/audit/store";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { SessionUser } from "@/lib/auth/session";
import type { OpenDatabase } from "@/lib/db";
import { insertAccount, findForSignIn, sessionState } from "@/lib/accounts/store";
import type { Role } from "@/lib/db/schema";
import { engines, freshDatabase } from "@/lib/db/testing";
import { changeOwnPassword, changeRole, createAccount, disableAccount, enableAccount, endAccountSessions, resetPassword } from "./actions";

const meta = { requestId: "req-accounts", ip: "192.0.2.20", userAgent: "test" };

describe.each(engines)("managing console accounts on %s", (engine) => {
  let d: OpenDatabase;
  let admin: SessionUser;
  let operator: SessionUser;

  async function account(email: string, role: Role, password = "a long enough password"): Promise<SessionUser> {
    const row = await insertAccount(d.db, { email, role, passwordHash: await hashPassword(password) });
    return { id: row.id, email: row.email, name: "", role, mustChangePassword: false };
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a table of definitions with different input types
  const act = <T>(def: ActionDefinition<any, T>, input: unknown, user: SessionUser) => runAction(def, input, { user, db: d.db, sendbird: noSendbird, meta });

  beforeAll(async () => {
    d = await freshDatabase(engine);
    admin = await account("admin@example.com", "admin");
    operator = await account("operator@example.com", "operator");
  });
  afterAll(() => d.close());

  test("creates an account with a one-time password shown once and never stored or audited in clear", async () => {
    const result = await act(createAccount, { email: " New.Person@Example.com ", name: "New Person", role: "support" }, admin);
    if (!result.ok) throw new Error(result.error.message);
    const { account: created, oneTimePassword } = result.data;
    expect(created).toMatchObject({ email: "new.person@example.com", role: "support", mustChangePassword: true });
    expect(oneTimePassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const stored = await findForSignIn(d.db, created.email);
    expect(await verifyPassword(oneTimePassword ?? "", stored?.passwordHash ?? "")).toBe(true);
    const rows = await listAudit(d.db, { targetId: created.email });
    expect(rows[0]).toMatchObject({ action: "account.create", outcome: "success", actorEmail: admin.email });
    expect(JSON.stringify(rows)).not.toContain(oneTimePassword);
  });

  test("creates an account with an initial password chosen by the admin, to be changed at first sign-in", async () => {
    const result = await act(createAccount, { email: "chosen@example.com", role: "operator", password: "chosen by the admin" }, admin);
    expect(result).toMatchObject({ ok: true, data: { oneTimePassword: null, account: { mustChangePassword: true } } });
  });

  test("answers bad input field by field and creates nothing", async () => {
    const result = await act(createAccount, { email: "not an e-mail", role: "owner", password: "short" }, admin);
    expect(result).toMatchObject({
      ok: false,
      error: { code: "invalid_input", fields: { email: expect.any(String), role: expect.any(String), password: expect.any(String) } },
    });
    expect(await findForSignIn(d.db, "not an e-mail")).toBeNull();
  });

  test("refuses a second account with the same e-mail, naming the field", async () => {
    const result = await act(createAccount, { email: "OPERATOR@example.com", role: "support" }, admin);
    expect(result).toMatchObject({ ok: false, error: { fields: { email: "An account with this e-mail already exists." } } });
  });

  test("answers two admins creating the same e-mail at once with one account and one field error", async () => {
    const input = { email: "raced@example.com", role: "support" };
    const results = await Promise.all([act(createAccount, input, admin), act(createAccount, input, admin)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: { fields: { email: "An account with this e-mail already exists." } } });
  });

  test("refuses account management to an operator and audits the refusal", async () => {
    const result = await act(createAccount, { email: "sneaky@example.com", role: "admin" }, operator);
    expect(result).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await findForSignIn(d.db, "sneaky@example.com")).toBeNull();
    expect((await listAudit(d.db, { actor: operator.email }))[0]).toMatchObject({ action: "account.create", outcome: "denied" });
  });

  test("changes a role and ends the account's open sessions", async () => {
    const target = await account("promote@example.com", "support");
    const before = await sessionState(d.db, target.id);
    expect(await act(changeRole, { accountId: target.id, role: "operator" }, admin)).toMatchObject({ ok: true, data: { role: "operator" } });
    const after = await sessionState(d.db, target.id);
    expect(after?.role).toBe("operator");
    expect(after?.sessionVersion).toBeGreaterThan(before?.sessionVersion ?? 0);
    expect((await listAudit(d.db, { targetId: "promote@example.com" }))[0]).toMatchObject({ action: "account.change_role", details: { role: "operator" } });
  });

  test("never leaves the console without an active admin", async () => {
    const demote = await act(changeRole, { accountId: admin.id, role: "support" }, admin);
    expect(demote).toMatchObject({ ok: false, error: { code: "last_admin" } });
    const second = await account("second-admin@example.com", "admin");
    expect(await act(disableAccount, { accountId: admin.id }, second)).toMatchObject({ ok: true });
    expect(await act(disableAccount, { accountId: second.id }, second)).toMatchObject({ ok: false, error: { code: "self" } });
    expect(await act(disableAccount, { accountId: second.id }, operator)).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await act(enableAccount, { accountId: admin.id }, second)).toMatchObject({ ok: true, data: { disabledAt: null } });
    expect((await sessionState(d.db, second.id))?.role).toBe("admin");
  });

  test("disables and re-enables an account; a disabled account's session stops at once", async () => {
    const target = await account("leaver@example.com", "operator");
    expect(await act(disableAccount, { accountId: target.id }, admin)).toMatchObject({ ok: true });
    expect((await sessionState(d.db, target.id))?.disabled).toBe(true);
    expect(await act(enableAccount, { accountId: target.id }, admin)).toMatchObject({ ok: true });
    expect((await sessionState(d.db, target.id))?.disabled).toBe(false);
  });

  test("resets a password to a new one-time password and ends the account's sessions", async () => {
    const target = await account("forgetful@example.com", "support", "the forgotten one!");
    const before = await sessionState(d.db, target.id);
    const result = await act(resetPassword, { accountId: target.id }, admin);
    if (!result.ok) throw new Error(result.error.message);
    const stored = await findForSignIn(d.db, target.email);
    expect(await verifyPassword(result.data.oneTimePassword, stored?.passwordHash ?? "")).toBe(true);
    expect(await verifyPassword("the forgotten one!", stored?.passwordHash ?? "")).toBe(false);
    expect(stored).toMatchObject({ mustChangePassword: true, sessionVersion: (before?.sessionVersion ?? 0) + 1 });
    expect(await act(resetPassword, { accountId: admin.id }, admin)).toMatchObject({ ok: false, error: { code: "self" } });
  });

  test("signs another account out everywhere", async () => {
    const target = await account("everywhere@example.com", "support");
    expect(await act(endAccountSessions, { accountId: target.id }, admin)).toEqual({ ok: true, data: { ended: true } });
    expect((await sessionState(d.db, target.id))?.sessionVersion).toBe(2);
    expect(await act(endAccountSessions, { accountId: "00000000-0000-4000-8000-00000000dead" }, admin)).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    expect(await act(endAccountSessions, { accountId: "../../etc/passwd" }, admin)).toMatchObject({ ok: false, error: { code: "invalid_input" } });
  });

  test("lets anyone change their own password after proving the current one", async () => {
    const me = await account("me@example.com", "support", "my current password");
    const wrong = await act(changeOwnPassword, { current: "not my password!", next: "my brand new password", confirm: "my brand new password" }, me);
    expect(wrong).toMatchObject({ ok: false, error: { fields: { current: "That is not your current password." } } });
    const mismatch = await act(changeOwnPassword, { current: "my current password", next: "my brand new password", confirm: "something else" }, me);
    expect(mismatch).toMatchObject({ ok: false, error: { fields: { confirm: expect.any(String) } } });
    const result = await act(changeOwnPassword, { current: "my current password", next: "my brand new password", confirm: "my brand new password" }, me);
    expect(result).toMatchObject({ ok: true, data: { sessionVersion: 2 } });
    const stored = await findForSignIn(d.db, me.email);
    expect(await verifyPassword("my brand new password", stored?.passwordHash ?? "")).toBe(true);
    expect(JSON.stringify(await listAudit(d.db, { limit: 500 }))).not.toContain("my brand new password");
  });

  test("allows nothing but the password change while a one-time password is pending", async () => {
    const pending = { ...(await account("pending@example.com", "admin", "the one-time pass")), mustChangePassword: true };
    expect(await act(endAccountSessions, { accountId: operator.id }, pending)).toMatchObject({ ok: false, error: { code: "password_change_required" } });
    expect(await act(changeOwnPassword, { current: "the one-time pass", next: "now my own password", confirm: "now my own password" }, pending)).toMatchObject({
      ok: true,
    });
    expect((await findForSignIn(d.db, pending.email))?.mustChangePassword).toBe(false);
    expect((await verifyChain(d.db)).intact).toBe(true);
  });
});
