import "server-only";
import { appendAudit } from "@/lib/audit";
import type { Database } from "@/lib/db";
import { findForSignIn, normalizeEmail } from "@/lib/db/queries/accounts";
import type { AccountDto } from "@/lib/db/queries/accounts";
import { dummyHash, verifyPassword } from "./password";
import { ipDelayMs, lockState, recordAttempt } from "./throttle";

export type SignInResult =
  | { ok: true; account: AccountDto }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; until: Date };

/** The one message for a wrong e-mail, a wrong password or a disabled account: it never says which. */
export const genericFailure = "That e-mail and password do not match an active account.";

export interface SignInAttempt {
  email: string;
  password: string;
  ip: string;
  userAgent: string;
}

/**
 * Checks a password sign-in with throttling: a slowed-down IP waits first; a locked account is refused
 * without checking the password; unknown e-mails cost the same hash time as known ones. Every attempt is
 * recorded for throttling and audited (never with the password).
 */
export async function signInWithPassword(
  db: Database,
  attempt: SignInAttempt,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<SignInResult> {
  const email = normalizeEmail(attempt.email).slice(0, 320);
  const audit = { actorId: null, actorEmail: email || "(blank)", targetType: "account", targetId: email, ip: attempt.ip, userAgent: attempt.userAgent };
  const delay = await ipDelayMs(db, attempt.ip);
  if (delay > 0) await sleep(delay);
  const lock = await lockState(db, email);
  if (lock.locked && lock.until) {
    await appendAudit(db, { ...audit, action: "auth.sign_in", outcome: "denied", message: "account locked after repeated failures" });
    return { ok: false, reason: "locked", until: lock.until };
  }
  const account = await findForSignIn(db, email);
  const matches = await verifyPassword(attempt.password, account?.passwordHash ?? (await dummyHash()));
  const ok = Boolean(account && account.passwordHash && matches && account.disabledAt === null);
  await recordAttempt(db, email, attempt.ip, ok);
  if (!ok || !account) {
    const why = !account ? "unknown e-mail" : account.disabledAt ? "account disabled" : "wrong password";
    await appendAudit(db, { ...audit, actorId: account?.id ?? null, action: "auth.sign_in", outcome: "failure", message: why });
    const after = await lockState(db, email);
    return after.locked && after.until ? { ok: false, reason: "locked", until: after.until } : { ok: false, reason: "invalid" };
  }
  const { passwordHash: _hash, ...publicAccount } = account;
  await appendAudit(db, { ...audit, actorId: account.id, action: "auth.sign_in", outcome: "success" });
  return { ok: true, account: publicAccount };
}
