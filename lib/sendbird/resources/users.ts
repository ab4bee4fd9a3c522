import "server-only";
import { toUserDto } from "../dto";
import type { UserDto } from "../dto";
import { id, listing } from "../pages";
import type { Listing } from "../pages";
import { noContentSchema, sessionTokenSchema, userListSchema, userSchema } from "../schemas";
import type { Transport } from "../transport";
import { userMetadataResource } from "./user-metadata";

export interface CreateUserInput {
  userId: string;
  nickname: string;
  profileUrl?: string | undefined;
  metadata?: Record<string, string> | undefined;
}

export interface UpdateUserInput {
  nickname?: string | undefined;
  profileUrl?: string | undefined;
}

export interface ListUsersParams {
  userIds?: string[] | undefined;
  nickname?: string | undefined;
  nicknameStartsWith?: string | undefined;
  metadataKey?: string | undefined;
  metadataValues?: string[] | undefined;
  activeMode?: "activated" | "deactivated" | "all" | undefined;
  limit?: number | undefined;
  next?: string | undefined;
}

export function usersResource(t: Transport) {
  const path = (userId: string) => `/users/${id(userId)}`;
  const put = (userId: string, body: Record<string, unknown>) =>
    t.request({ host: "chat", method: "PUT", path: path(userId), endpoint: "/users/{id}", body, schema: userSchema }).then(toUserDto);

  const list: Listing<ListUsersParams, UserDto> = listing(async (p: ListUsersParams) => {
    const res = await t.request({
      host: "chat",
      method: "GET",
      path: "/users",
      endpoint: "/users",
      schema: userListSchema,
      query: {
        user_ids: p.userIds,
        nickname: p.nickname,
        nickname_startswith: p.nicknameStartsWith,
        metadatakey: p.metadataKey,
        metadatavalues_in: p.metadataValues,
        active_mode: p.activeMode,
        limit: p.limit,
        token: p.next,
      },
    });
    return { items: res.users.map(toUserDto), next: res.next || null, prev: null };
  });

  return {
    create: (input: CreateUserInput) =>
      t
        .request({
          host: "chat",
          method: "POST",
          path: "/users",
          endpoint: "/users",
          body: {
            user_id: input.userId,
            nickname: input.nickname,
            profile_url: input.profileUrl ?? "",
            ...(input.metadata ? { metadata: input.metadata } : {}),
          },
          schema: userSchema,
        })
        .then(toUserDto),
    list,
    retrieve: (userId: string) => t.request({ host: "chat", method: "GET", path: path(userId), endpoint: "/users/{id}", schema: userSchema }).then(toUserDto),
    update: (userId: string, input: UpdateUserInput) =>
      put(userId, {
        ...(input.nickname !== undefined ? { nickname: input.nickname } : {}),
        ...(input.profileUrl !== undefined ? { profile_url: input.profileUrl } : {}),
      }),
    deactivate: (userId: string, leaveAllChannels = true) => put(userId, { is_active: false, leave_all_when_deactivated: leaveAllChannels }),
    reactivate: (userId: string) => put(userId, { is_active: true }),
    delete: async (userId: string): Promise<void> => {
      await t.request({ host: "chat", method: "DELETE", path: path(userId), endpoint: "/users/{id}", schema: noContentSchema });
    },
    /** Issues a session token: a credential to show once and never store. */
    issueSessionToken: (userId: string, expiresAt?: number) =>
      t
        .request({
          host: "chat",
          method: "POST",
          path: `${path(userId)}/token`,
          endpoint: "/users/{id}/token",
          body: expiresAt === undefined ? {} : { expires_at: expiresAt },
          schema: sessionTokenSchema,
        })
        .then((r) => ({ token: r.token, expiresAt: r.expires_at })),
    revokeSessionTokens: async (userId: string): Promise<void> => {
      await t.request({ host: "chat", method: "DELETE", path: `${path(userId)}/token`, endpoint: "/users/{id}/token", schema: noContentSchema });
    },
    /** User metadata has its own endpoints; the user update does not take it. */
    metadata: userMetadataResource(t, path),
  };
}
