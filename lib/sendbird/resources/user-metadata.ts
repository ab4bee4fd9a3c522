import "server-only";
import { id } from "../pages";
import { metadataItemsSchema, noContentSchema } from "../schemas";
import type { Transport } from "../transport";

/** A user's metadata, one key at a time: each call names the key it changes, so each can be audited alone. */
export function userMetadataResource(t: Transport, userPath: (userId: string) => string) {
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
      await t.request({ host: "chat", method: "DELETE", path: item(userId, key), endpoint: "/users/{id}/metadata/{key}", schema: noContentSchema });
    },
  };
}
