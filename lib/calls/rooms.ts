import "server-only";
import { settled } from "@/lib/errors";
import type { SendbirdClient } from "@/lib/sendbird/client";
import type { RoomDto } from "@/lib/sendbird/dto";
import { toRoomsParams } from "./rooms-query";
import type { RoomsQuery } from "./rooms-query";

/** What a row of the rooms list shows, and nothing more goes to the browser. */
export type RoomRow = Pick<RoomDto, "roomId" | "type" | "state" | "createdAt" | "createdBy" | "deletedAt"> & {
  /** How many are in the room now. */
  participants: number;
};

export interface RoomsPage {
  rows: RoomRow[];
  next: string | null;
  prev: string | null;
  fetchedAt: number;
}

const toRow = (r: RoomDto): RoomRow => ({
  roomId: r.roomId,
  type: r.type,
  state: r.state,
  createdAt: r.createdAt,
  createdBy: r.createdBy,
  deletedAt: r.deletedAt,
  participants: r.currentParticipants.length,
});

/** One page of group-call rooms for the list's URL query. */
export async function listRooms(client: SendbirdClient, query: RoomsQuery): Promise<RoomsPage> {
  const page = await client.rooms.list(toRoomsParams(query));
  return { rows: page.items.map(toRow), next: page.next, prev: page.prev, fetchedAt: Date.now() };
}

/**
 * One room as its page shows it: the room (with Sendbird's object) and one page of everyone who entered it,
 * read at once. A failed participants read (a stale page token) stays in its own section; the room still shows.
 */
export async function loadRoom(client: SendbirdClient, id: string, participantsToken: string | undefined, read = client.rooms.retrieveWithRaw(id)) {
  const participants = settled(client.rooms.participants({ roomId: id, limit: 50, next: participantsToken }));
  const { room, raw } = await read;
  return { room, raw, participants: await participants, fetchedAt: Date.now() };
}
