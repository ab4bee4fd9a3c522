import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { sessionState } from "@/lib/db/queries/accounts";
import type { Role } from "@/lib/db/schema";
import { database } from "@/lib/db/server";
import { authOptions } from "./options";
import { can } from "./permissions";
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
 * The signed-in user, or null. The session's version must still match the account's, and the account
 * must be enabled: "sign out everywhere", a role change or disabling ends the session on its next request.
 * Cached per request, so the layout and the page share one session read.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions());
  if (!session?.user?.id) return null;
  const state = await sessionState(await database(), session.user.id);
  if (!state || state.disabled || state.sessionVersion !== session.user.sv) return null;
  return { id: session.user.id, email: state.email, name: state.name || state.email, role: state.role, mustChangePassword: state.mustChangePassword };
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
