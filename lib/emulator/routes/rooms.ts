import { roomTypes } from "@/lib/sendbird/schemas";
import type { Route } from "../router";
import { customItemLimits } from "../store/custom-items";
import { createRoom, getRoom, listRoomParticipants, listRooms } from "../store/rooms";
import { roomJson, roomParticipantJson } from "../store/serialize";
import { BodyReader, invalid } from "../validate";

export const roomRoutes: Route[] = [
  {
    host: "calls",
    method: "POST",
    template: "/v1/rooms",
    async handler(ctx) {
      const body = new BodyReader(await ctx.object());
      const type = body.string("type", { required: true });
      const roomType = roomTypes.find((t) => t === type);
      if (!roomType) throw invalid(`"type" must be one of: ${roomTypes.join(", ")}.`);
      const room = createRoom(ctx.store, { room_type: roomType, custom_items: body.stringMap("custom_items", customItemLimits) });
      return { room: roomJson(ctx.store, room) };
    },
  },
  {
    host: "calls",
    method: "GET",
    template: "/v1/rooms",
    handler(ctx) {
      const q = ctx.query;
      const roomId = q.string("room_id");
      const roomIds = q.list("room_ids", { max: 10 });
      if (roomId !== undefined && roomIds !== undefined) throw invalid('Send "room_id" or "room_ids", not both.');
      const page = listRooms(
        ctx.store,
        {
          type: q.oneOf("type", ["all", ...roomTypes]),
          state: q.oneOf("state", ["open", "deleted"]),
          roomIds: roomId !== undefined ? [roomId] : roomIds,
          createdFrom: q.integer("created_at_start_date", { min: 0 }),
          createdTo: q.integer("created_at_end_date", { min: 0 }),
          participantsMin: q.integer("current_participant_range_gte", { min: 0 }),
          participantsMax: q.integer("current_participant_range_lte", { min: 0 }),
          createdBy: q.list("created_by_user_ids", { max: 100 }),
        },
        { limit: q.limit(), next: q.string("next"), prev: q.string("prev") },
      );
      return { rooms: page.items.map((r) => roomJson(ctx.store, r)), next: page.next, prev: page.prev };
    },
  },
  {
    host: "calls",
    method: "GET",
    template: "/v1/rooms/{room_id}",
    handler: (ctx) => ({ room: roomJson(ctx.store, getRoom(ctx.store, ctx.params.room_id ?? "")) }),
  },
  {
    host: "calls",
    method: "GET",
    template: "/v1/rooms/{room_id}/participants",
    handler(ctx) {
      const id = ctx.params.room_id ?? "";
      const page = listRoomParticipants(ctx.store, id, { limit: ctx.query.limit(), next: ctx.query.string("next"), prev: ctx.query.string("prev") });
      return { participants: page.items.map((p) => roomParticipantJson(ctx.store, id, p)), next: page.next, prev: page.prev };
    },
  },
];
