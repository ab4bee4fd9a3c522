import { EmulatorError } from "../errors";
import { newestFirst, paginate } from "../paginate";
import type { Cursor, Page, PageRequest } from "../paginate";
import { newParticipant } from "./live-sdk";
import type { RoomParticipantRecord, RoomRecord } from "./records";
import { roomKey } from "./store";
import type { Store } from "./store";

export const roomCapacity: Record<RoomRecord["room_type"], number> = {
  small_room_for_video: 6,
  large_room_for_audio_only: 100,
};

/** A room that exists; deleted rooms stay readable. Unknown ids are the documented INVALID_ROOM. */
export function getRoom(store: Store, id: string): RoomRecord {
  const room = store.rooms.get(id);
  if (!room) throw new EmulatorError("invalid_room", `Room "${id}" does not exist.`);
  return room;
}

/** A room that is still open (for changes). */
export function getOpenRoom(store: Store, id: string): RoomRecord {
  const room = getRoom(store, id);
  if (room.state === "deleted") throw new EmulatorError("invalid_room", `Room "${id}" was deleted.`);
  return room;
}

export function createRoom(store: Store, input: { room_type: RoomRecord["room_type"]; custom_items?: Record<string, string> | undefined }): RoomRecord {
  const now = store.now();
  const room: RoomRecord = {
    room_id: store.newId(),
    room_type: input.room_type,
    state: "open",
    created_at: now,
    updated_at: now,
    deleted_at: null,
    created_by: "",
    deleted_by: "",
    custom_items: input.custom_items ?? {},
    participants: [],
    cloud_recordings: [],
  };
  store.addRoom(room);
  return room;
}

/** Deletes a room: everyone in it is forced out, a recording under way stops, the record stays with state `deleted`. */
export function deleteRoom(store: Store, id: string): RoomRecord {
  const room = getOpenRoom(store, id);
  const now = store.now();
  room.state = "deleted";
  room.deleted_at = now;
  room.updated_at = now;
  for (const p of room.participants) if (p.exited_at === null) p.exited_at = now;
  for (const r of room.cloud_recordings) {
    if (r.status === "recording") {
      r.status = "completed";
      r.stopped_at = now;
    }
  }
  return room;
}

export interface RoomFilter {
  type?: string | undefined;
  state?: string | undefined;
  roomIds?: string[] | undefined;
  createdFrom?: number | undefined;
  createdTo?: number | undefined;
  participantsMin?: number | undefined;
  participantsMax?: number | undefined;
  createdBy?: string[] | undefined;
}

function current(room: RoomRecord): number {
  return room.participants.filter((p) => p.exited_at === null).length;
}

export function listRooms(store: Store, f: RoomFilter, page: PageRequest): Page<RoomRecord> {
  const filtered = store.roomOrder.filter((room) => {
    if (f.type && f.type !== "all" && room.room_type !== f.type) return false;
    if (f.state && room.state !== f.state) return false;
    if (f.roomIds && !f.roomIds.includes(room.room_id)) return false;
    if (f.createdFrom !== undefined && room.created_at < f.createdFrom) return false;
    if (f.createdTo !== undefined && room.created_at >= f.createdTo) return false;
    if (f.participantsMin !== undefined && current(room) < f.participantsMin) return false;
    if (f.participantsMax !== undefined && current(room) > f.participantsMax) return false;
    if (f.createdBy && !f.createdBy.includes(room.created_by)) return false;
    return true;
  });
  return paginate("rooms", filtered, roomKey, newestFirst, page);
}

const participantKey = (p: RoomParticipantRecord): Cursor => ({ sort: p.entered_at, id: p.participant_id });

/** Participants, newest entry first; sorted by the page key (entries of one instant by id) so tokens cut it right. */
export function listRoomParticipants(store: Store, id: string, page: PageRequest): Page<RoomParticipantRecord> {
  const room = getRoom(store, id);
  const ordered = [...room.participants].sort((a, b) => newestFirst(participantKey(a), participantKey(b)));
  return paginate(`room_participants:${id}`, ordered, participantKey, newestFirst, page);
}

/** Users enter a room (SDK-only in Sendbird), up to the room type's capacity. */
export function roomJoin(store: Store, id: string, userIds: string[]): RoomParticipantRecord[] {
  const room = getOpenRoom(store, id);
  const present = new Set(room.participants.filter((p) => p.exited_at === null).map((p) => p.user_id));
  const asked = new Set<string>();
  for (const userId of userIds) {
    if (!store.users.has(userId)) throw new EmulatorError("not_found", `User "${userId}" not found.`);
    if (present.has(userId) || asked.has(userId)) throw new EmulatorError("exists", `"${userId}" is already in the room.`);
    asked.add(userId);
  }
  if (present.size + userIds.length > roomCapacity[room.room_type]) {
    throw new EmulatorError("not_allowed", `A ${room.room_type} room holds at most ${roomCapacity[room.room_type]} participants.`);
  }
  const now = store.now();
  const joined = userIds.map((userId) => ({
    ...newParticipant(store, userId, now),
    is_audio_on: true,
    is_video_on: room.room_type === "small_room_for_video",
  }));
  room.participants.push(...joined);
  room.updated_at = now;
  return joined;
}

export function roomLeave(store: Store, id: string, userIds: string[]): RoomParticipantRecord[] {
  const room = getOpenRoom(store, id);
  const now = store.now();
  const leaving = room.participants.filter((p) => p.exited_at === null && userIds.includes(p.user_id));
  for (const p of leaving) p.exited_at = now;
  if (leaving.length > 0) room.updated_at = now;
  return leaving;
}
