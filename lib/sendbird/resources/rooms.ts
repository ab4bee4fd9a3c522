import "server-only";
import { sanitizeRaw, toRoomDto, toRoomParticipantDto } from "../dto";
import type { RoomDto, RoomParticipantDto } from "../dto";
import { id, listing } from "../pages";
import type { Listing } from "../pages";
import { roomEnvelopeSchema, roomListSchema, roomParticipantListSchema } from "../schemas";
import type { Transport } from "../transport";

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
      path: "/rooms",
      endpoint: "/rooms",
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
      path: `/rooms/${id(p.roomId)}/participants`,
      endpoint: "/rooms/{id}/participants",
      query: { limit: p.limit, next: p.next },
      schema: roomParticipantListSchema,
    });
    return { items: res.participants.map(toRoomParticipantDto), next: res.next || null, prev: res.prev || null };
  });

  const roomObject = (method: "GET" | "POST", path: string, endpoint: string, body?: unknown) =>
    t.request({ host: "calls", method, path, endpoint, body, schema: roomEnvelopeSchema }).then((r) => r.room);
  const roomCall = (method: "GET" | "POST", path: string, endpoint: string, body?: unknown) => roomObject(method, path, endpoint, body).then(toRoomDto);

  return {
    create: (type: "small_room_for_video" | "large_room_for_audio_only", customItems?: Record<string, string>) =>
      roomCall("POST", "/rooms", "/rooms", { type, ...(customItems ? { custom_items: customItems } : {}) }),
    list,
    retrieve: (roomId: string) => roomCall("GET", `/rooms/${id(roomId)}`, "/rooms/{id}"),
    /** The room and Sendbird's object itself, every credential removed, for "raw JSON" views. */
    retrieveWithRaw: (roomId: string) =>
      roomObject("GET", `/rooms/${id(roomId)}`, "/rooms/{id}").then((room) => ({ room: toRoomDto(room), raw: sanitizeRaw(room) })),
    participants,
  };
}
