import "server-only";
import type { JWT } from "next-auth/jwt";
import type { Database } from "@/lib/db";
import { sessionState } from "@/lib/accounts/store";
import { sessionEnded } from "@/lib/auth/store";
import type { Role } from "./roles";
import { sessionExpired } from "./limits";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** Signed in with a one-time password: nothing else works until a new one is chosen. */
  mustChangePassword: boolean;
}

/**
 * The user a decrypted session token still stands for, or null. It must carry a session id that was not
 * signed out, must not have run out, and its account must still be enabled with the same session version.
 * Pages, route handlers, actions and next-auth's own session endpoint all decide with this.
 */
export async function liveSession(db: Database, token: JWT): Promise<SessionUser | null> {
  if (!token.sub || typeof token.sid !== "string" || sessionExpired(token)) return null;
  const [state, ended] = await Promise.all([sessionState(db, token.sub), sessionEnded(db, token.sid)]);
  if (!state || ended || state.disabled || state.sessionVersion !== token.sv) return null;
  return { id: token.sub, email: state.email, name: state.name || state.email, role: state.role, mustChangePassword: state.mustChangePassword };
}
