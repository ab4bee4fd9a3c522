import "server-only";
import { decode } from "next-auth/jwt";
import type { JWT } from "next-auth/jwt";

/** Decrypted session cookies by their exact value: the same cookie always decrypts to the same token. */
const decoded = new Map<string, JWT>();
const maxEntries = 1_000;

/**
 * The session token inside a cookie value, or null when it does not decrypt or has expired. A cookie seen
 * before is not decrypted again (a browser sends the same value until the proxy refreshes it, at most once
 * a minute); its expiry is still checked on every call.
 */
export async function readSessionToken(raw: string, secret: string, nowMs = Date.now()): Promise<JWT | null> {
  let token = decoded.get(raw) ?? null;
  if (!token) {
    token = await decode({ token: raw, secret }).catch(() => null);
    if (!token) return null;
    if (decoded.size >= maxEntries) decoded.delete(decoded.keys().next().value ?? "");
    decoded.set(raw, token);
  }
  const exp = typeof token.exp === "number" ? token.exp : 0;
  if (exp * 1000 <= nowMs) {
    decoded.delete(raw);
    return null;
  }
  return token;
}
