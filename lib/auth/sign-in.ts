import "server-only";
import { appendAudit } from "@/lib/audit/store";
import type { Database } from "@/lib/db";
import { findForSignIn, normalizeEmail, upgradePasswordHash } from "@/lib/accounts/store";
import type { AccountDto } from "@/lib/accounts/store";
import { dummyHash, hashPassword, needsRehash, verifyPassword } from "./password";
import { recordAttempt } from "./store";
import { backoffState } from "./throttle";
import type { Backoff } from "./throttle";

export type SignInResult =
  { ok: true; account: AccountDto } | { ok: false; reason: "invalid" } | { ok: false; reason: "throttled"; until: Date; why: NonNullable<Backoff>["why"] };

/** The one message for a wrong e-mail, a wrong password or a disabled account: it never says which. */
export const genericFailure = "That e-mail and password do not match an active account.";

export interface SignInAttempt {
  email: string;
  password: string;
  ip: string;
  userAgent: string;
}

const backoffMessages: Record<NonNullable<Backoff>["why"], string> = {
  source: "backing off after repeated failures from this address",
  account: "over the account's hourly bound of failed attempts, from an address it has not signed in from",
  address: "backing off after many failures from this address on several accounts",
};

/** An older hash is replaced by today's at a sign-in that proved the password; a failure only postpones it to the next. */
async function upgradeHash(db: Database, id: string, from: string, password: string): Promise<void> {
  try {
    await upgradePasswordHash(db, id, from, await hashPassword(password));
  } catch (err) {
    console.error(`showrunner: a password hash could not be upgraded: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/**
 * Checks a password sign-in. An address that is backing off (throttle.ts) is refused without the password
 * being checked, and the refusal is recorded and audited; the account is never locked for everyone.
 * Unknown e-mails cost the same hash time as known ones. Every attempt is audited (never with the password).
 */
export async function signInWithPassword(db: Database, attempt: SignInAttempt): Promise<SignInResult> {
  const email = normalizeEmail(attempt.email).slice(0, 320);
  const audit = { actorId: null, actorEmail: email || "(blank)", targetType: "account", targetId: email, ip: attempt.ip, userAgent: attempt.userAgent };
  const backoff = await backoffState(db, email, attempt.ip);
  if (backoff) {
    await recordAttempt(db, email, attempt.ip, false, new Date(), true);
    await appendAudit(db, {
      ...audit,
      action: "auth.sign_in",
      outcome: "denied",
      message: backoffMessages[backoff.why],
      details: { until: backoff.until.toISOString() },
    });
    return { ok: false, reason: "throttled", until: backoff.until, why: backoff.why };
  }
  const account = await findForSignIn(db, email);
  const matches = await verifyPassword(attempt.password, account?.passwordHash ?? (await dummyHash()));
  const ok = Boolean(account && account.passwordHash && matches && account.disabledAt === null);
  await recordAttempt(db, email, attempt.ip, ok);
  if (!ok || !account) {
    const why = !account ? "unknown e-mail" : account.disabledAt ? "account disabled" : "wrong password";
    await appendAudit(db, { ...audit, actorId: account?.id ?? null, action: "auth.sign_in", outcome: "failure", message: why });
    return { ok: false, reason: "invalid" };
  }
  const { passwordHash, ...publicAccount } = account;
  if (passwordHash && needsRehash(passwordHash)) await upgradeHash(db, account.id, passwordHash, attempt.password);
  await appendAudit(db, { ...audit, actorId: account.id, action: "auth.sign_in", outcome: "success" });
  return { ok: true, account: publicAccount };
}
