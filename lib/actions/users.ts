"use server";

import * as users from "@/lib/users/actions";
import { defineAction } from "./define";

// Create a user of the application (manage-users permission).
export const createUser = defineAction(users.createUser);
// Change a user's nickname and profile URL (manage-users permission).
export const updateUser = defineAction(users.updateUser);
// Add, change or remove one metadata item of a user, each audited by its key (manage-users permission).
export const addUserMetadata = defineAction(users.addUserMetadata);
export const changeUserMetadata = defineAction(users.changeUserMetadata);
export const removeUserMetadata = defineAction(users.removeUserMetadata);
// Deactivate a user, with the "leave all channels" choice (manage-users permission).
export const deactivateUser = defineAction(users.deactivateUser);
// Reactivate a deactivated user (manage-users permission).
export const reactivateUser = defineAction(users.reactivateUser);
// Delete a user after typed confirmation of the id (manage-users permission).
export const deleteUser = defineAction(users.deleteUser);
// Issue a session token, shown once (manage-users permission).
export const issueSessionToken = defineAction(users.issueSessionToken);
// Revoke all session tokens of a user (manage-users permission).
export const revokeSessionTokens = defineAction(users.revokeSessionTokens);
// Read now the live events not over yet, for one user's case file (every role).
export const refreshUserActivity = defineAction(users.refreshUserActivity);
