import type { Role } from "@/lib/db/schema";

/** What a console account may do. Pages, route handlers and actions check permissions, never roles. */
export const permissions = ["data.read", "liveEvents.operate", "users.manage", "tokens.manage", "accounts.manage", "audit.read"] as const;
export type Permission = (typeof permissions)[number];

const table: Record<Role, readonly Permission[]> = {
  admin: permissions,
  operator: ["data.read", "liveEvents.operate", "users.manage"],
  support: ["data.read"],
};

export function can(role: Role, permission: Permission): boolean {
  return table[role].includes(permission);
}

export function permissionsOf(role: Role): readonly Permission[] {
  return table[role];
}
