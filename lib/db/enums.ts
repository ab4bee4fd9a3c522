// The database's closed value sets, in a module of their own so client components (role pickers,
// outcome filters) can import them without pulling Drizzle and the table definitions into the bundle.

export const roles = ["admin", "operator", "support"] as const;
export type Role = (typeof roles)[number];

/** `unknown`: a change Sendbird never confirmed (no answer, or a 5xx, to a write), which may or may not have been made. */
export const outcomes = ["success", "failure", "unknown", "denied"] as const;
export type Outcome = (typeof outcomes)[number];
