import "server-only";
import { toUserDto } from "../dto";
import type { UserDto } from "../dto";
import { listing } from "../pages";
import type { Listing } from "../pages";
import { noContentSchema, sessionTokenSchema, userListSchema, userSchema } from "../schemas";
import { route } from "../transport";
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
  const userRoute = (userId: string) => route("/users/{id}", { id: userId });
  const tokenRoute = (userId: string) => route("/users/{id}/token", { id: userId });
  const put = (userId: string, body: Record<string, unknown>) =>
    t.request({ host: "chat", method: "PUT", route: userRoute(userId), body, schema: userSchema }).then(toUserDto);

  const list: Listing<ListUsersParams, UserDto> = listing(async (p: ListUsersParams) => {
    const res = await t.request({
      host: "chat",
      method: "GET",
      route: route("/users"),
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
          route: route("/users"),
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
    retrieve: (userId: string) => t.request({ host: "chat", method: "GET", route: userRoute(userId), schema: userSchema }).then(toUserDto),
    update: (userId: string, input: UpdateUserInput) =>
      put(userId, {
        ...(input.nickname !== undefined ? { nickname: input.nickname } : {}),
        ...(input.profileUrl !== undefined ? { profile_url: input.profileUrl } : {}),
      }),
    deactivate: (userId: string, leaveAllChannels = true) => put(userId, { is_active: false, leave_all_when_deactivated: leaveAllChannels }),
    reactivate: (userId: string) => put(userId, { is_active: true }),
    delete: async (userId: string): Promise<void> => {
      await t.request({ host: "chat", method: "DELETE", route: userRoute(userId), schema: noContentSchema });
    },
    /** Issues a session token: a credential to show once and never store. */
    issueSessionToken: (userId: string, expiresAt?: number) =>
      t
        .request({
          host: "chat",
          method: "POST",
          route: tokenRoute(userId),
          body: expiresAt === undefined ? {} : { expires_at: expiresAt },
          schema: sessionTokenSchema,
        })
        .then((r) => ({ token: r.token, expiresAt: r.expires_at })),
    revokeSessionTokens: async (userId: string): Promise<void> => {
      await t.request({ host: "chat", method: "DELETE", route: tokenRoute(userId), schema: noContentSchema });
    },
    /** User metadata has its own endpoints; the user update does not take it. */
    metadata: userMetadataResource(t),
  };
}
