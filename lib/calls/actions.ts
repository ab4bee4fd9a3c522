import "server-only";
import { customItemsActions } from "@/lib/custom-items/actions";
import { callIdSchema } from "./schemas";

// Rooms have no actions here: the group-call docs say the rooms API only retrieves rooms and participants;
// deleting a room and changing its custom items are the Calls SDK's.
const callItems = customItemsActions({
  type: "direct_call",
  noun: "call",
  idSchema: callIdSchema,
  read: async (sendbird, id) => (await sendbird.directCalls.retrieve(id)).customItems,
  upsert: (sendbird, id, items) => sendbird.directCalls.customItems.update(id, items),
  remove: (sendbird, id, keys) => sendbird.directCalls.customItems.delete(id, keys),
});

/** Adds or changes a direct call's custom items (upsert); the call keeps at most 10 in all. */
export const updateCallCustomItems = callItems.update;
/** Deletes a direct call's chosen custom items. */
export const removeCallCustomItems = callItems.remove;
