// For tests only: a signed-in staff member of a role, as the session gate would hand one to an action. No
// "server-only" marker: vitest loads it outside React, and it holds nothing but a made-up account.
import type { SessionUser } from "./live-session";

export function staffMember(role: SessionUser["role"]): SessionUser {
  return { id: crypto.randomUUID(), email: `${role}@example.com`, name: "", role, mustChangePassword: false };
}
