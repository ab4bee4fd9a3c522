import "server-only";
import { z } from "zod";
import type { ActionDefinition } from "@/lib/actions/core";
import { customItemsActions } from "@/lib/custom-items/definitions";
import { FieldError } from "@/lib/errors";
import type { RoomDto } from "@/lib/sendbird/dto";
import { sendbird } from "@/lib/sendbird/server";
import { pathIdSchema } from "@/lib/url-params";

export const callIdSchema = pathIdSchema("call", 100);
export const roomIdSchema = pathIdSchema("room", 100);

const callItems = customItemsActions({
  type: "direct_call",
  noun: "call",
  idSchema: callIdSchema,
  read: async (id) => (await sendbird().calls.retrieve(id)).customItems,
  upsert: (id, items) => sendbird().calls.customItems.update(id, items),
  remove: (id, keys) => sendbird().calls.customItems.delete(id, keys),
});

const roomItems = customItemsActions({
  type: "room",
  noun: "room",
  idSchema: roomIdSchema,
  read: async (id) => (await sendbird().rooms.retrieve(id)).customItems,
  upsert: (id, items) => sendbird().rooms.customItems.update(id, items),
  remove: (id, keys) => sendbird().rooms.customItems.delete(id, keys),
});

/** Adds or changes a direct call's custom items (upsert); the call keeps at most 10 in all. */
export const updateCallItemsAction = callItems.update;
/** Deletes a direct call's chosen custom items. */
export const removeCallItemsAction = callItems.remove;
/** Adds or changes a room's custom items (upsert); the room keeps at most 10 in all. */
export const updateRoomItemsAction = roomItems.update;
/** Deletes a room's chosen custom items. */
export const removeRoomItemsAction = roomItems.remove;

export const deleteRoomSchema = z.object({ roomId: roomIdSchema, confirmation: z.string().max(200) }).strict();

/** Deletes a group-call room once the operator has typed its id; whoever is in it is let go by Sendbird. */
export const deleteRoomAction: ActionDefinition<typeof deleteRoomSchema, RoomDto> = {
  name: "room.delete",
  permission: "liveEvents.operate",
  input: deleteRoomSchema,
  target: (input) => ({ type: "room", id: input.roomId }),
  run: ({ input }) => {
    if (input.confirmation.trim() !== input.roomId) throw new FieldError({ confirmation: `Type the room id "${input.roomId}" to delete it.` });
    return sendbird().rooms.delete(input.roomId);
  },
};
