import "server-only";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { database } from "@/lib/db/server";
import { settings } from "@/lib/env";
import { noteActor } from "@/lib/observability/request-context";
import { secureCookies, sessionCookieName } from "./cookies";
import { liveSession } from "./live-session";
import type { SessionUser } from "./live-session";
import { can } from "./permissions";
import { sessionSecret } from "./secret";
import { safeTarget } from "./targets";
import { readSessionToken } from "./session-token";
import type { Permission } from "./permissions";

export type { SessionUser };

/**
 * The signed-in user, or null. The session cookie is decrypted and checked (signature, expiry) without
 * being re-issued (the proxy keeps the idle clock), then liveSession decides: a signed-out session, "sign
 * out everywhere", a role change or disabling ends it on its next request. Cached per request, so the
 * layout and the page share one session read.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const s = settings();
  const raw = (await cookies()).get(sessionCookieName(secureCookies(s.nextAuthUrl)))?.value;
  if (!raw) return null;
  const token = await readSessionToken(raw, sessionSecret(s));
  const user = token ? await liveSession(await database(), token) : null;
  if (user) noteActor(user.id, user.role);
  return user;
});

/** The signed-in user, even one who must still change a one-time password, or a redirect to sign-in. */
export async function requireSignedIn(returnTo = "/"): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(safeTarget(returnTo))}`);
  return user;
}

/** The signed-in user, or a redirect to sign-in that comes back to `returnTo` (or to the forced password change). */
export async function requireSession(returnTo = "/"): Promise<SessionUser> {
  const user = await requireSignedIn(returnTo);
  if (user.mustChangePassword) redirect(`/change-password?callbackUrl=${encodeURIComponent(safeTarget(returnTo))}`);
  return user;
}

/** The one gate for pages: signed in, and allowed; otherwise sign-in or the 403 page. */
export async function requirePermission(permission: Permission, returnTo = "/"): Promise<SessionUser> {
  const user = await requireSession(returnTo);
  if (!can(user.role, permission)) forbidden();
  return user;
}
