// No "server-only": the audit page's outcome filter shares this list. It holds no secret.

/** `unknown`: a change Sendbird never confirmed (no answer, or a 5xx, to a write), which may or may not have been made. */
export const outcomes = ["success", "failure", "unknown", "denied"] as const;
export type Outcome = (typeof outcomes)[number];
