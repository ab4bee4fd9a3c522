import "server-only";
import { sanitizeRaw, toRoomDto, toRoomParticipantDto } from "../dto";
import type { RoomDto, RoomParticipantDto } from "../dto";
import { listing } from "../pages";
import type { Listing } from "../pages";
import { roomEnvelopeSchema, roomListSchema, roomParticipantListSchema } from "../schemas";
import { route } from "../transport";
import type { Route, Transport } from "../transport";

export interface ListRoomsParams {
  type?: "small_room_for_video" | "large_room_for_audio_only" | undefined;
  state?: "open" | "deleted" | undefined;
  roomIds?: string[] | undefined;
  createdFrom?: number | undefined;
  createdTo?: number | undefined;
  participantsMin?: number | undefined;
  participantsMax?: number | undefined;
  createdBy?: string[] | undefined;
  limit?: number | undefined;
  next?: string | undefined;
  prev?: string | undefined;
}

export function roomsResource(t: Transport) {
  const list: Listing<ListRoomsParams, RoomDto> = listing(async (p: ListRoomsParams) => {
    const res = await t.request({
      host: "calls",
      method: "GET",
      route: route("/rooms"),
      schema: roomListSchema,
      query: {
        type: p.type,
        state: p.state,
        room_ids: p.roomIds,
        created_at_start_date: p.createdFrom,
        created_at_end_date: p.createdTo,
        current_participant_range_gte: p.participantsMin,
        current_participant_range_lte: p.participantsMax,
        created_by_user_ids: p.createdBy,
        limit: p.limit,
        next: p.next,
        prev: p.prev,
      },
    });
    return { items: res.rooms.map(toRoomDto), next: res.next || null, prev: res.prev || null };
  });

  const participants: Listing<{ roomId: string; limit?: number | undefined; next?: string | undefined }, RoomParticipantDto> = listing(async (p) => {
    const res = await t.request({
      host: "calls",
      method: "GET",
      route: route("/rooms/{id}/participants", { id: p.roomId }),
      query: { limit: p.limit, next: p.next },
      schema: roomParticipantListSchema,
    });
    return { items: res.participants.map(toRoomParticipantDto), next: res.next || null, prev: res.prev || null };
  });

  const roomObject = (method: "GET" | "POST", to: Route, body?: unknown) =>
    t.request({ host: "calls", method, route: to, body, schema: roomEnvelopeSchema }).then((r) => r.room);
  const roomCall = (method: "GET" | "POST", to: Route, body?: unknown) => roomObject(method, to, body).then(toRoomDto);

  return {
    create: (type: "small_room_for_video" | "large_room_for_audio_only", customItems?: Record<string, string>) =>
      roomCall("POST", route("/rooms"), { type, ...(customItems ? { custom_items: customItems } : {}) }),
    list,
    retrieve: (roomId: string) => roomCall("GET", route("/rooms/{id}", { id: roomId })),
    /** The room and Sendbird's object itself, every credential removed, for "raw JSON" views. */
    retrieveWithRaw: (roomId: string) =>
      roomObject("GET", route("/rooms/{id}", { id: roomId })).then((room) => ({ room: toRoomDto(room), raw: sanitizeRaw(room) })),
    participants,
  };
}
