import "server-only";
import { z } from "zod";
import { toMs, toUserDto } from "../dto";
import type { UserDto } from "../dto";
import { id, listing } from "../pages";
import type { Listing } from "../pages";
import { apiTokenListSchema, apiTokenSchema, metadataItemsSchema, sessionTokenSchema, userListSchema, userSchema } from "../schemas";
import type { Transport } from "../transport";

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

const emptySchema = z.unknown();

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
      await t.request({ host: "chat", method: "DELETE", path: path(userId), endpoint: "/users/{id}", schema: emptySchema });
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
      await t.request({ host: "chat", method: "DELETE", path: `${path(userId)}/token`, endpoint: "/users/{id}/token", schema: emptySchema });
    },
    /** User metadata has its own endpoints; the user update does not take it. */
    metadata: userMetadataResource(t, path),
  };
}

/** A user's metadata, one key at a time: each call names the key it changes, so each can be audited alone. */
function userMetadataResource(t: Transport, userPath: (userId: string) => string) {
  const item = (userId: string, key: string) => `${userPath(userId)}/metadata/${id(key)}`;
  return {
    /** Adds items; Sendbird refuses a key the user already has. Returns the items added. */
    create: (userId: string, items: Record<string, string>) =>
      t.request({
        host: "chat",
        method: "POST",
        path: `${userPath(userId)}/metadata`,
        endpoint: "/users/{id}/metadata",
        body: { metadata: items },
        schema: metadataItemsSchema,
      }),
    /** Changes the value of a key the user has (refused if the key is gone). Returns the item. */
    update: (userId: string, key: string, value: string) =>
      t.request({ host: "chat", method: "PUT", path: item(userId, key), endpoint: "/users/{id}/metadata/{key}", body: { value }, schema: metadataItemsSchema }),
    delete: async (userId: string, key: string): Promise<void> => {
      await t.request({ host: "chat", method: "DELETE", path: item(userId, key), endpoint: "/users/{id}/metadata/{key}", schema: emptySchema });
    },
  };
}

/** A secondary API token. Server-side only: the full value must never reach a browser. */
export interface ApiTokenRecord {
  token: string;
  createdAt: number;
}

const toToken = (r: z.infer<typeof apiTokenSchema>): ApiTokenRecord => ({ token: r.token, createdAt: toMs(r.created_at) ?? 0 });

export function apiTokensResource(t: Transport) {
  const path = (token: string) => `/applications/api_tokens/${id(token)}`;
  return {
    list: () =>
      t
        .request({ host: "chat", method: "GET", path: "/applications/api_tokens", endpoint: "/applications/api_tokens", schema: apiTokenListSchema })
        .then((r) => r.api_tokens.map(toToken)),
    generate: () =>
      t
        .request({ host: "chat", method: "POST", path: "/applications/api_tokens", endpoint: "/applications/api_tokens", body: {}, schema: apiTokenSchema })
        .then(toToken),
    retrieve: (token: string) =>
      t
        .request({ host: "chat", method: "GET", path: path(token), endpoint: "/applications/api_tokens/{token}", secret: token, schema: apiTokenSchema })
        .then(toToken),
    revoke: async (token: string): Promise<void> => {
      await t.request({ host: "chat", method: "DELETE", path: path(token), endpoint: "/applications/api_tokens/{token}", secret: token, schema: emptySchema });
    },
  };
}
