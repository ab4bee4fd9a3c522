// The database's closed value sets, in a module of their own so client components (role pickers,
// outcome filters) can import them without pulling Drizzle and the table definitions into the bundle.

export const roles = ["admin", "operator", "support"] as const;
export type Role = (typeof roles)[number];

export const outcomes = ["success", "failure", "denied"] as const;
export type Outcome = (typeof outcomes)[number];
