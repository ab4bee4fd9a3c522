import "server-only";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { sessionState } from "@/lib/db/queries/accounts";
import type { Role } from "@/lib/db/schema";
import { database } from "@/lib/db/server";
import { settings } from "@/lib/env";
import { secureCookies, sessionCookieName } from "./cookies";
import { sessionExpired } from "./limits";
import { can } from "./permissions";
import { sessionSecret } from "./secret";
import { readSessionToken } from "./session-token";
import type { Permission } from "./permissions";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** Signed in with a one-time password: nothing else works until a new one is chosen. */
  mustChangePassword: boolean;
}

/**
 * The signed-in user, or null. The session cookie is decrypted and checked (signature, expiry) without
 * being re-issued (the proxy keeps the idle clock), then the account is read: its session version must
 * still match and it must be enabled, so "sign out everywhere", a role change or disabling ends the
 * session on its next request. Cached per request, so the layout and the page share one session read.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const s = settings();
  const raw = (await cookies()).get(sessionCookieName(secureCookies(s.nextAuthUrl)))?.value;
  if (!raw) return null;
  const token = await readSessionToken(raw, sessionSecret(s));
  if (!token?.sub || sessionExpired(token)) return null;
  const state = await sessionState(await database(), token.sub);
  if (!state || state.disabled || state.sessionVersion !== token.sv) return null;
  return { id: token.sub, email: state.email, name: state.name || state.email, role: state.role, mustChangePassword: state.mustChangePassword };
});

/** The signed-in user, even one who must still change a one-time password, or a redirect to sign-in. */
export async function requireSignedIn(returnTo = "/"): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** The signed-in user, or a redirect to sign-in that comes back to `returnTo` (or to the forced password change). */
export async function requireSession(returnTo = "/"): Promise<SessionUser> {
  const user = await requireSignedIn(returnTo);
  if (user.mustChangePassword) redirect(`/change-password?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** The one gate for pages: signed in, and allowed; otherwise sign-in or the 403 page. */
export async function requirePermission(permission: Permission, returnTo = "/"): Promise<SessionUser> {
  const user = await requireSession(returnTo);
  if (!can(user.role, permission)) forbidden();
  return user;
}
