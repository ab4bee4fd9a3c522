import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { listAudit } from "@/lib/audit/store";
import type { OpenDatabase } from "@/lib/db";
import { insertAccount, markDisabled, findForSignIn } from "@/lib/accounts/store";
import { engines, freshDatabase } from "@/lib/db/testing";
import { signInWithOidc } from "./oidc";
import { recordAttempt } from "./store";
import { accountFailuresPerHour, backoffState } from "./throttle";

const meta = { ip: "192.0.2.30", userAgent: "test" };

describe.each(engines)("single sign-on on %s", (engine) => {
  let d: OpenDatabase;
  beforeAll(async () => {
    d = await freshDatabase(engine);
    await insertAccount(d.db, { email: "sso@example.com", role: "operator", passwordHash: null });
    const gone = await insertAccount(d.db, { email: "sso-gone@example.com", role: "support", passwordHash: null });
    await markDisabled(d.db, gone.id);
  });
  afterAll(() => d.close());

  test("admits an e-mail that has an enabled account, whatever its case, and audits it", async () => {
    expect(await signInWithOidc(d.db, { email: "SSO@example.com", email_verified: true }, meta)).toMatchObject({ email: "sso@example.com", role: "operator" });
    expect((await listAudit(d.db, { action: "auth.sign_in_sso" }))[0]).toMatchObject({ outcome: "success", targetId: "sso@example.com" });
  });

  test("refuses e-mails without an account: no self sign-up", async () => {
    expect(await signInWithOidc(d.db, { email: "stranger@example.com", email_verified: true }, meta)).toBeNull();
    expect((await listAudit(d.db, { action: "auth.sign_in_sso" }))[0]).toMatchObject({ outcome: "denied", message: "no console account has this e-mail" });
  });

  test("refuses disabled accounts, unverified e-mails and a missing e-mail claim", async () => {
    expect(await signInWithOidc(d.db, { email: "sso-gone@example.com", email_verified: true }, meta)).toBeNull();
    expect(await signInWithOidc(d.db, { email: "sso@example.com", email_verified: false }, meta)).toBeNull();
    expect(await signInWithOidc(d.db, { email: "sso@example.com", email_verified: "false" }, meta)).toBeNull();
    expect(await signInWithOidc(d.db, { email: "sso@example.com" }, meta)).toBeNull();
    expect(await signInWithOidc(d.db, { email_verified: true }, meta)).toBeNull();
    expect(await signInWithOidc(d.db, { email: 42 }, meta)).toBeNull();
  });

  test("trusts a missing verification claim only when told to, never an explicit false", async () => {
    const trust = { trustUnverifiedEmail: true };
    expect(await signInWithOidc(d.db, { email: "sso@example.com" }, meta, trust)).toMatchObject({ email: "sso@example.com" });
    expect(await signInWithOidc(d.db, { email: "sso@example.com", email_verified: false }, meta, trust)).toBeNull();
    expect(await signInWithOidc(d.db, { email: "sso@example.com", email_verified: "true" }, meta)).toMatchObject({ email: "sso@example.com" });
  });

  test("retires a pending one-time password, so single sign-on never leaves someone stuck on it", async () => {
    await insertAccount(d.db, { email: "new-sso@example.com", role: "support", passwordHash: "scrypt$placeholder", mustChangePassword: true });
    expect(await signInWithOidc(d.db, { email: "new-sso@example.com", email_verified: true }, meta)).toMatchObject({
      mustChangePassword: false,
      sessionVersion: 2,
    });
    expect(await findForSignIn(d.db, "new-sso@example.com")).toMatchObject({ passwordHash: null, mustChangePassword: false });
  });

  test("lets a verified sign-on through while a flood of wrong passwords holds the account's password back", async () => {
    const email = "sso@example.com";
    for (let i = 0; i < accountFailuresPerHour; i += 1) await recordAttempt(d.db, email, meta.ip, false);
    expect(await backoffState(d.db, email, meta.ip)).not.toBeNull();
    expect(await signInWithOidc(d.db, { email, email_verified: true }, meta)).toMatchObject({ email });
  });
});
