import type { Route, RouteContext } from "../router";
import { userJson } from "../store/serialize";
import type { SessionTokenRecord } from "../store/records";
import {
  createUser,
  deactivatedUser,
  deleteUser,
  getUser,
  issueSessionToken,
  listUsers,
  newSessionToken,
  revokeSessionTokens,
  storeSessionToken,
  updateUser,
} from "../store/users";
import { metadataLimits } from "../store/user-metadata";
import { BodyReader, invalid } from "../validate";
import { userIdParam } from "./chat-params";

const userIdRule = { required: true, max: 80, tooLongCode: 400305 } as const;

/** User bodies may be multipart (with `profile_file`); form fields arrive as text. */
async function userBody(ctx: RouteContext): Promise<BodyReader> {
  const body = await ctx.object();
  if (!ctx.isMultipart) return new BodyReader(body);
  const out: Record<string, unknown> = { ...body };
  for (const flag of ["issue_access_token", "is_active", "leave_all_when_deactivated"]) {
    if (body[flag] === "true") out[flag] = true;
    else if (body[flag] === "false") out[flag] = false;
  }
  if (body.profile_file !== undefined) out.profile_url = "https://emulator.invalid/profiles/uploaded.png";
  delete out.profile_file;
  return new BodyReader(out);
}

export const userRoutes: Route[] = [
  {
    host: "chat",
    method: "POST",
    template: "/v3/users",
    async handler(ctx) {
      const body = await userBody(ctx);
      const user = createUser(ctx.store, {
        user_id: body.string("user_id", userIdRule),
        nickname: body.string("nickname", { required: true, max: 80, allowEmpty: true }),
        profile_url: body.string("profile_url", { required: true, max: 2048, allowEmpty: true }),
        issue_access_token: body.boolean("issue_access_token"),
        discovery_keys: body.stringList("discovery_keys", { max: 100, itemMax: 128 }),
        metadata: body.stringMap("metadata", metadataLimits),
      });
      return { ...userJson(user), is_created: true };
    },
  },
  {
    host: "chat",
    method: "GET",
    template: "/v3/users",
    handler(ctx) {
      const q = ctx.query;
      const metadataKey = q.string("metadatakey", { max: 128 });
      const metadataValues = q.list("metadatavalues_in", { max: 100 });
      if (metadataValues !== undefined && metadataKey === undefined) throw invalid('"metadatavalues_in" needs "metadatakey".');
      q.boolean("show_bot");
      const page = listUsers(
        ctx.store,
        {
          activeMode: q.oneOf("active_mode", ["activated", "deactivated", "all"]),
          userIds: q.list("user_ids", { max: 250 }),
          nickname: q.string("nickname", { max: 80 }),
          nicknameStartsWith: q.string("nickname_startswith", { max: 80 }),
          metadataKey,
          metadataValues,
        },
        { limit: q.limit(), next: q.string("token"), nextParam: "token" },
      );
      return { users: page.items.map(userJson), next: page.next ?? "" };
    },
  },
  {
    host: "chat",
    method: "GET",
    template: "/v3/users/{user_id}",
    handler(ctx) {
      const user = userJson(getUser(ctx.store, userIdParam(ctx)));
      // The application has no group channels here, so nothing is unread.
      return ctx.query.boolean("include_unread_count") ? { ...user, unread_message_count: 0 } : user;
    },
  },
  {
    host: "chat",
    method: "PUT",
    template: "/v3/users/{user_id}",
    async handler(ctx) {
      const body = await userBody(ctx);
      const id = userIdParam(ctx);
      const patch = {
        nickname: body.string("nickname", { max: 80 }),
        profile_url: body.string("profile_url", { max: 2048 }),
        issue_access_token: body.boolean("issue_access_token"),
        is_active: body.boolean("is_active"),
        last_seen_at: body.integer("last_seen_at", { min: 0 }),
        discovery_keys: body.stringList("discovery_keys", { max: 100, itemMax: 128 }),
        preferred_languages: body.stringList("preferred_languages", { max: 4, itemMax: 16 }),
      };
      body.boolean("leave_all_when_deactivated");
      // No published update body carries `metadata`: it has its own endpoints, so it is not applied here.
      const sessionExpiry = body.integer("session_token_expires_at", { min: 0 });
      let token: SessionTokenRecord | null = null;
      if (body.boolean("issue_session_token")) {
        if (!(patch.is_active ?? getUser(ctx.store, id).is_active)) throw deactivatedUser();
        token = newSessionToken(ctx.store, sessionExpiry);
      }
      const user = updateUser(ctx.store, id, patch);
      if (token) storeSessionToken(ctx.store, user, token);
      return userJson(user);
    },
  },
  {
    host: "chat",
    method: "DELETE",
    template: "/v3/users/{user_id}",
    handler(ctx) {
      deleteUser(ctx.store, userIdParam(ctx));
      return {};
    },
  },
  {
    host: "chat",
    method: "POST",
    template: "/v3/users/{user_id}/token",
    async handler(ctx) {
      const body = new BodyReader(await ctx.object());
      return issueSessionToken(ctx.store, userIdParam(ctx), body.integer("expires_at", { min: 0 }));
    },
  },
  {
    host: "chat",
    method: "DELETE",
    template: "/v3/users/{user_id}/token",
    handler(ctx) {
      revokeSessionTokens(ctx.store, userIdParam(ctx));
      return {};
    },
  },
];
