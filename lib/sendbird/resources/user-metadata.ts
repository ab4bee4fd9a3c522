import "server-only";
import { metadataItemsSchema, noContentSchema } from "../schemas";
import { route } from "../transport";
import type { Transport } from "../transport";

/** A user's metadata, one key at a time: each call names the key it changes, so each can be audited alone. */
export function userMetadataResource(t: Transport) {
  const itemRoute = (userId: string, key: string) => route("/users/{id}/metadata/{key}", { id: userId, key });
  return {
    /** Adds items; Sendbird refuses a key the user already has. Returns the items added. */
    create: (userId: string, items: Record<string, string>) =>
      t.request({
        host: "chat",
        method: "POST",
        route: route("/users/{id}/metadata", { id: userId }),
        body: { metadata: items },
        schema: metadataItemsSchema,
      }),
    /** Changes the value of a key the user has (refused if the key is gone). Returns the item. */
    update: (userId: string, key: string, value: string) =>
      t.request({ host: "chat", method: "PUT", route: itemRoute(userId, key), body: { value }, schema: metadataItemsSchema }),
    delete: async (userId: string, key: string): Promise<void> => {
      await t.request({ host: "chat", method: "DELETE", route: itemRoute(userId, key), schema: noContentSchema });
    },
  };
}
