import "server-only";
import { appendAudit } from "@/lib/audit/store";
import type { Database } from "@/lib/db";
import { findForSignIn, normalizeEmail, retirePendingPassword } from "@/lib/accounts/store";
import type { AccountDto } from "@/lib/accounts/store";
import { recordAttempt } from "./store";

export interface OidcClaims {
  email?: unknown;
  email_verified?: unknown;
}

/** Whether the provider vouches for the e-mail: `email_verified` true (some send the string "true"). */
function verified(claim: unknown, trustUnverified: boolean): boolean {
  if (claim === true || claim === "true") return true;
  return trustUnverified && claim === undefined;
}

/**
 * Single sign-on admits only e-mails that already have an enabled console account (no self sign-up),
 * and only when the identity provider vouches for the e-mail. Password back-offs do not stop it: the
 * provider checked who this is, and a flood of wrong passwords must not keep the owner out. A pending
 * one-time password is retired: the person proved who they are, and nobody else should hold a way in.
 * Audited either way, like a password sign-in.
 */
export async function signInWithOidc(
  db: Database,
  claims: OidcClaims,
  meta: { ip: string; userAgent: string },
  options: { trustUnverifiedEmail?: boolean } = {},
): Promise<AccountDto | null> {
  const email = typeof claims.email === "string" ? normalizeEmail(claims.email).slice(0, 320) : "";
  const audit = {
    actorEmail: email || "(no e-mail claim)",
    action: "auth.sign_in_sso",
    targetType: "account",
    targetId: email,
    ip: meta.ip,
    userAgent: meta.userAgent,
  };
  const account = email ? await findForSignIn(db, email) : null;
  const why = !email
    ? "the identity provider sent no e-mail"
    : !verified(claims.email_verified, options.trustUnverifiedEmail ?? false)
      ? "the identity provider has not verified this e-mail"
      : !account
        ? "no console account has this e-mail"
        : account.disabledAt
          ? "account disabled"
          : null;
  if (why || !account) {
    await appendAudit(db, { ...audit, actorId: account?.id ?? null, outcome: "denied", message: why ?? "refused" });
    return null;
  }
  await recordAttempt(db, email, meta.ip, true);
  const retired = account.mustChangePassword ? await retirePendingPassword(db, account.id) : null;
  await appendAudit(db, { ...audit, actorId: account.id, outcome: "success", details: retired ? { first_sign_in: "one-time credential retired" } : {} });
  const { passwordHash: _hash, ...publicAccount } = account;
  return retired ?? publicAccount;
}
