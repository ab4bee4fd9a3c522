import "server-only";
import type { ActionDefinition } from "@/lib/actions/core";
import { refreshOpenEvents } from "@/lib/activity/crawler";
import { settings } from "@/lib/env";
import { AppError, FieldError } from "@/lib/errors";
import type { UserDto } from "@/lib/sendbird/dto";
import {
  byUserSchema,
  createUserSchema,
  deactivateUserSchema,
  deleteUserSchema,
  issueTokenSchema,
  metadataItemSchema,
  metadataKeyInputSchema,
  sessionTokenLifetimes,
  updateUserSchema,
} from "./schemas";

const target = (input: { userId: string }) => ({ type: "user", id: input.userId });

/** Sendbird's answer must carry the metadata that was sent; otherwise say so rather than claim success. */
function checkMetadata(user: UserDto, sent: Record<string, string>): UserDto {
  const kept = Object.entries(sent).every(([k, v]) => user.metadata[k] === v);
  if (!kept) throw new AppError("not_applied", "Sendbird saved the user but did not keep the metadata as sent. Check the user and try again.", 502);
  return user;
}

/** Creates a user of the application (not a console account). */
export const createUser: ActionDefinition<typeof createUserSchema, UserDto> = {
  name: "user.create",
  permission: "users.manage",
  input: createUserSchema,
  target: (input) => ({ type: "user", id: input.userId, details: { metadata_keys: Object.keys(input.metadata).length } }),
  run: async ({ input, sendbird }) => {
    const metadata = Object.keys(input.metadata).length ? input.metadata : undefined;
    const user = await sendbird.users.create({ userId: input.userId, nickname: input.nickname, profileUrl: input.profileUrl, metadata });
    return checkMetadata(user, input.metadata);
  },
};

/** Changes a user's nickname and profile URL (metadata has its own actions, one key at a time). */
export const updateUser: ActionDefinition<typeof updateUserSchema, UserDto> = {
  name: "user.update",
  permission: "users.manage",
  input: updateUserSchema,
  target,
  run: ({ input, sendbird }) => sendbird.users.update(input.userId, { nickname: input.nickname, profileUrl: input.profileUrl }),
};

const metadataTarget = (input: { userId: string; key: string }) => ({ type: "user", id: input.userId, details: { key: input.key } });

/** Adds one metadata item; Sendbird refuses a key the user already has (someone added it since the page loaded). */
export const addUserMetadata: ActionDefinition<typeof metadataItemSchema, { key: string; value: string }> = {
  name: "user.metadata.add",
  permission: "users.manage",
  input: metadataItemSchema,
  target: metadataTarget,
  run: async ({ input, sendbird }) => keptItem(await sendbird.users.metadata.create(input.userId, { [input.key]: input.value }), input),
};

/** Changes the value of one metadata key; refused if the key is gone (someone removed it since the page loaded). */
export const changeUserMetadata: ActionDefinition<typeof metadataItemSchema, { key: string; value: string }> = {
  name: "user.metadata.change",
  permission: "users.manage",
  input: metadataItemSchema,
  target: metadataTarget,
  run: async ({ input, sendbird }) => keptItem(await sendbird.users.metadata.update(input.userId, input.key, input.value), input),
};

export const removeUserMetadata: ActionDefinition<typeof metadataKeyInputSchema, { key: string }> = {
  name: "user.metadata.remove",
  permission: "users.manage",
  input: metadataKeyInputSchema,
  target: metadataTarget,
  run: async ({ input, sendbird }) => {
    await sendbird.users.metadata.delete(input.userId, input.key);
    return { key: input.key };
  },
};

/** Sendbird's answer must hold the item as sent; otherwise say so rather than claim success. */
function keptItem(answer: Record<string, string>, sent: { key: string; value: string }): { key: string; value: string } {
  const kept = Object.entries(answer).some(([k, v]) => k === sent.key && v === sent.value);
  if (!kept) throw new AppError("not_applied", `Sendbird answered without the item "${sent.key}" as sent. Reload the user to see what it kept.`, 502);
  return sent;
}

/** Deactivates a user, optionally keeping them in their group channels. */
export const deactivateUser: ActionDefinition<typeof deactivateUserSchema, UserDto> = {
  name: "user.deactivate",
  permission: "users.manage",
  input: deactivateUserSchema,
  target: (input) => ({ type: "user", id: input.userId, details: { leave_all_channels: input.leaveAllChannels } }),
  run: ({ input, sendbird }) => sendbird.users.deactivate(input.userId, input.leaveAllChannels),
};

export const reactivateUser: ActionDefinition<typeof byUserSchema, UserDto> = {
  name: "user.reactivate",
  permission: "users.manage",
  input: byUserSchema,
  target,
  run: ({ input, sendbird }) => sendbird.users.reactivate(input.userId),
};

/** Deletes a user for good, once the operator has typed the user id. */
export const deleteUser: ActionDefinition<typeof deleteUserSchema, { userId: string }> = {
  name: "user.delete",
  permission: "users.manage",
  input: deleteUserSchema,
  target,
  run: async ({ input, sendbird }) => {
    if (input.confirmation.trim() !== input.userId) throw new FieldError({ confirmation: `Type "${input.userId}" to delete this user.` });
    await sendbird.users.delete(input.userId);
    return { userId: input.userId };
  },
};

/**
 * Issues a session token, returned once to the person who asked and kept nowhere: the audit row holds
 * only its expiry.
 */
export const issueSessionToken: ActionDefinition<typeof issueTokenSchema, { token: string; expiresAt: number }> = {
  name: "user.issue_session_token",
  permission: "users.manage",
  input: issueTokenSchema,
  target: (input) => ({ type: "user", id: input.userId, details: { lifetime: input.lifetime } }),
  run: ({ input, sendbird }) => sendbird.users.issueSessionToken(input.userId, Date.now() + sessionTokenLifetimes[input.lifetime]),
  resultDetails: (issued) => ({ expires_at: new Date(issued.expiresAt).toISOString() }),
};

/** Revokes every session token of a user: their sessions must sign in again. */
export const revokeSessionTokens: ActionDefinition<typeof byUserSchema, { userId: string }> = {
  name: "user.revoke_session_tokens",
  permission: "users.manage",
  input: byUserSchema,
  target,
  run: async ({ input, sendbird }) => {
    await sendbird.users.revokeSessionTokens(input.userId);
    return { userId: input.userId };
  },
};

/**
 * Reads now the live events within the activity window that are not over and changed since the sync last
 * read them, so the case file shows where the user is hosting or watching at this moment: those the index
 * has the user in first, within a bounded number of reads; the rest (big audiences) are left to the
 * background pass. A read, open to every role; audited like the case file itself.
 */
export const refreshUserActivity: ActionDefinition<typeof byUserSchema, { events: number; deferred: number; at: number }> = {
  name: "user.refresh_activity",
  permission: "data.read",
  input: byUserSchema,
  target,
  run: async ({ input, db, sendbird }) => {
    const { read, deferred } = await refreshOpenEvents(sendbird, db, { windowMs: settings().activityWindowDays * 86_400_000, userId: input.userId });
    return { events: read, deferred, at: Date.now() };
  },
  resultDetails: (result) => ({ events: result.events, deferred: result.deferred }),
};
