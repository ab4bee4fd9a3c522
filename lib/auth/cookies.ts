// No "server-only" marker: proxy.ts imports it too (see proxy-secret.ts). It holds no secret.

/**
 * Whether session cookies carry `Secure` (and next-auth's `__Secure-` prefix): when the console's public
 * URL (`NEXTAUTH_URL`) is HTTPS, which is next-auth's own rule. next-auth, the proxy and the password
 * change decide from that one value, or one of them would look for a cookie the browser never got.
 */
export function secureCookies(nextAuthUrl: string | undefined): boolean {
  return Boolean(nextAuthUrl?.startsWith("https://"));
}

export function sessionCookieName(secure: boolean): string {
  return secure ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

/** The attributes every session cookie is set with. */
export function sessionCookieOptions(secure: boolean, maxAge: number) {
  return { httpOnly: true, sameSite: "lax" as const, secure, path: "/", maxAge };
}
