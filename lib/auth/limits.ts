// Shared with proxy.ts on purpose: plain numbers, no secrets, so no "server-only" marker.
/** Sessions end 12 hours after sign-in at the latest… */
export const maxSessionSeconds = 12 * 60 * 60;
/** …and after 30 minutes without a request. */
export const idleSeconds = 30 * 60;
