// Shared with the browser on purpose (so no "server-only" import): the navigation and pages hide what a role cannot use. It holds no
// secret; the checks that matter run on the server (pages, route handlers, actions) with the same table.
import type { Role } from "@/lib/auth/roles";

/** What a console account may do. Pages, route handlers and actions check permissions, never roles. */
export const permissions = [
  "data.read",
  "liveEvents.operate",
  "calls.operate",
  "users.manage",
  "tokens.manage",
  "accounts.manage",
  "audit.read",
  "alerts.manage",
  "alerts.acknowledge",
] as const;
export type Permission = (typeof permissions)[number];

const table: Record<Role, readonly Permission[]> = {
  admin: permissions,
  operator: ["data.read", "liveEvents.operate", "calls.operate", "users.manage", "alerts.acknowledge"],
  support: ["data.read"],
};

export function can(role: Role, permission: Permission): boolean {
  return table[role].includes(permission);
}

export function permissionsOf(role: Role): readonly Permission[] {
  return table[role];
}

/** Each permission in plain words, for the account pages. */
export const permissionLabels: Record<Permission, string> = {
  "data.read": "Read live events, users, calls and case files",
  "liveEvents.operate": "Operate live events: create, set ready, start, edit and end events; copy recordings",
  "calls.operate": "Operate calls: change a call's custom items",
  "users.manage": "Manage Sendbird users: create, edit, deactivate, delete, session tokens",
  "tokens.manage": "Manage secondary API tokens",
  "accounts.manage": "Manage console accounts",
  "audit.read": "Read and export the audit trail",
  "alerts.manage": "Manage alert rules and channels, and send tests",
  "alerts.acknowledge": "Acknowledge alerts",
};
