import "server-only";
import { decode, encode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { settings } from "@/lib/env";
import { secureCookies, sessionCookieName, sessionCookieOptions } from "./cookies";
import { maxSessionSeconds } from "./limits";
import { sessionSecret } from "./secret";

/**
 * Keeps the caller's own session alive across a change that bumps the account's session version (their
 * own password change): the cookie is re-signed with the new version, so every other session still ends.
 * Only callable from a server action, where cookies may be set.
 */
export async function reissueSession(sessionVersion: number): Promise<void> {
  const s = settings();
  const secure = secureCookies(s.nextAuthUrl);
  const name = sessionCookieName(secure);
  const jar = await cookies();
  const current = jar.get(name)?.value;
  if (!current) return;
  const secret = sessionSecret(s);
  const token = await decode({ token: current, secret });
  if (!token) return;
  const now = Math.floor(Date.now() / 1000);
  const remaining = Math.max(60, maxSessionSeconds - (now - (token.signedInAt ?? now)));
  jar.set(
    name,
    await encode({ token: { ...token, sv: sessionVersion, lastActive: now }, secret, maxAge: maxSessionSeconds }),
    sessionCookieOptions(secure, remaining),
  );
}
