import "server-only";
import { customItemsActions } from "@/lib/custom-items/definitions";
import { sendbird } from "@/lib/sendbird/server";
import { pathIdSchema } from "@/lib/url-params";

export const callIdSchema = pathIdSchema("call", 100);
export const roomIdSchema = pathIdSchema("room", 100);

// Rooms have no actions here: the group-call docs say the rooms API only retrieves rooms and participants;
// deleting a room and changing its custom items are the Calls SDK's.
const callItems = customItemsActions({
  type: "direct_call",
  noun: "call",
  idSchema: callIdSchema,
  read: async (id) => (await sendbird().calls.retrieve(id)).customItems,
  upsert: (id, items) => sendbird().calls.customItems.update(id, items),
  remove: (id, keys) => sendbird().calls.customItems.delete(id, keys),
});

/** Adds or changes a direct call's custom items (upsert); the call keeps at most 10 in all. */
export const updateCallItemsAction = callItems.update;
/** Deletes a direct call's chosen custom items. */
export const removeCallItemsAction = callItems.remove;
