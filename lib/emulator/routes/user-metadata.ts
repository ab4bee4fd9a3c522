import type { Route, RouteContext } from "../router";
import { createMetadata, deleteMetadata, metadataLimits, readMetadata, readMetadataItem, updateMetadata } from "../store/user-metadata";
import { BodyReader, checkStringMap, invalid, missing } from "../validate";
import { userIdParam } from "./chat-params";

/** The `{key}` of a metadata path, with the limits of a metadata key. */
function keyParam(ctx: RouteContext): string {
  const key = ctx.params.key ?? "";
  if ([...key].length > metadataLimits.keyMax) throw invalid(`A metadata key is at most ${metadataLimits.keyMax} characters.`);
  return key;
}

/** `keys` comma-separated (as the docs and the TypeScript SDK send it) or repeated (the JavaScript SDK), or one `key`. */
function keysQuery(ctx: RouteContext): string[] | undefined {
  const params = new URLSearchParams(ctx.search);
  const keys = params
    .getAll("keys")
    .flatMap((v) => v.split(","))
    .filter((k) => k !== "");
  const key = params.get("key");
  if (key) keys.push(key);
  return keys.length > 0 ? keys : undefined;
}

function requiredMetadata(body: BodyReader): Record<string, string> {
  const items = body.stringMap("metadata", metadataLimits);
  if (items === undefined) throw missing("metadata");
  return items;
}

/**
 * User metadata (Chat Platform API, "user and channel metadata"): create, view, update and delete, for all
 * items or one key. Answers are flat key-value objects, except the bulk update, which answers
 * `{ metadata, upsert }` as Sendbird's generated clients model it.
 */
export const userMetadataRoutes: Route[] = [
  {
    host: "chat",
    method: "POST",
    template: "/v3/users/{user_id}/metadata",
    async handler(ctx) {
      const body = new BodyReader(await ctx.object());
      return createMetadata(ctx.store, userIdParam(ctx), requiredMetadata(body));
    },
  },
  {
    host: "chat",
    method: "GET",
    template: "/v3/users/{user_id}/metadata",
    handler: (ctx) => readMetadata(ctx.store, userIdParam(ctx), keysQuery(ctx)),
  },
  {
    host: "chat",
    method: "PUT",
    template: "/v3/users/{user_id}/metadata",
    async handler(ctx) {
      const body = new BodyReader(await ctx.object());
      const items = requiredMetadata(body);
      const upsert = body.boolean("upsert") ?? false;
      return { metadata: updateMetadata(ctx.store, userIdParam(ctx), items, upsert), upsert };
    },
  },
  {
    host: "chat",
    method: "DELETE",
    template: "/v3/users/{user_id}/metadata",
    handler(ctx) {
      deleteMetadata(ctx.store, userIdParam(ctx), ctx.query.string("key", { max: metadataLimits.keyMax }));
      return {};
    },
  },
  {
    host: "chat",
    method: "GET",
    template: "/v3/users/{user_id}/metadata/{key}",
    handler: (ctx) => readMetadataItem(ctx.store, userIdParam(ctx), keyParam(ctx)),
  },
  {
    host: "chat",
    method: "PUT",
    template: "/v3/users/{user_id}/metadata/{key}",
    async handler(ctx) {
      const body = new BodyReader(await ctx.object());
      const key = keyParam(ctx);
      // `value` (the 2.x spec), or the item under `metadata` (the doc page's shape for both paths).
      let value = body.string("value");
      if (value === undefined) value = Object.entries(body.stringMap("metadata", metadataLimits) ?? {}).find(([k]) => k === key)?.[1];
      if (value === undefined) throw missing("value");
      const item = checkStringMap("metadata", { [key]: value }, metadataLimits);
      return updateMetadata(ctx.store, userIdParam(ctx), item, body.boolean("upsert") ?? false);
    },
  },
  {
    host: "chat",
    method: "DELETE",
    template: "/v3/users/{user_id}/metadata/{key}",
    handler(ctx) {
      deleteMetadata(ctx.store, userIdParam(ctx), keyParam(ctx));
      return {};
    },
  },
];
