// Shared with proxy.ts on purpose: plain numbers, no secrets, so no "server-only" marker.
/** Sessions end 12 hours after sign-in at the latest… */
export const maxSessionSeconds = 12 * 60 * 60;
/** …and after 30 minutes without a request. */
export const idleSeconds = 30 * 60;

/**
 * Whether a session has run out: idle for 30 minutes or 12 hours old. The proxy and every session read
 * (pages, route handlers, actions) apply the same rule; route handlers are not behind the proxy.
 */
export function sessionExpired(token: { lastActive?: number; signedInAt?: number }, now = Math.floor(Date.now() / 1000)): boolean {
  return now - (token.lastActive ?? 0) > idleSeconds || now - (token.signedInAt ?? 0) > maxSessionSeconds;
}
