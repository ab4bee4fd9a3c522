"use server";

import {
  addMetadataAction,
  changeMetadataAction,
  createUserAction,
  deactivateUserAction,
  deleteUserAction,
  issueSessionTokenAction,
  reactivateUserAction,
  refreshUserActivityAction,
  removeMetadataAction,
  revokeSessionTokensAction,
  updateUserAction,
} from "@/lib/users/definitions";
import { defineAction } from "./define";

// Create a user of the application (manage-users permission).
export const createUser = defineAction(createUserAction);
// Change a user's nickname and profile URL (manage-users permission).
export const updateUser = defineAction(updateUserAction);
// Add, change or remove one metadata item of a user, each audited by its key (manage-users permission).
export const addUserMetadata = defineAction(addMetadataAction);
export const changeUserMetadata = defineAction(changeMetadataAction);
export const removeUserMetadata = defineAction(removeMetadataAction);
// Deactivate a user, with the "leave all channels" choice (manage-users permission).
export const deactivateUser = defineAction(deactivateUserAction);
// Reactivate a deactivated user (manage-users permission).
export const reactivateUser = defineAction(reactivateUserAction);
// Delete a user after typed confirmation of the id (manage-users permission).
export const deleteUser = defineAction(deleteUserAction);
// Issue a session token, shown once (manage-users permission).
export const issueSessionToken = defineAction(issueSessionTokenAction);
// Revoke all session tokens of a user (manage-users permission).
export const revokeSessionTokens = defineAction(revokeSessionTokensAction);
// Read now the live events not over yet, for one user's case file (every role).
export const refreshUserActivity = defineAction(refreshUserActivityAction);
