// No "server-only": the role picker and the permission table share this list. It holds no secret.

/** The console's roles, most powerful first (lib/auth/permissions.ts says what each may do). */
export const roles = ["admin", "operator", "support"] as const;
export type Role = (typeof roles)[number];
