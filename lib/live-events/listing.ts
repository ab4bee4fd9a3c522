import "server-only";
import type { LiveEventDto } from "@/lib/sendbird/dto";
import { sendbird } from "@/lib/sendbird/server";
import { toListParams } from "./query";
import type { LiveEventsQuery } from "./query";

/** What a row of the live-events list needs, and nothing more goes to the browser. */
export type LiveEventRow = Pick<
  LiveEventDto,
  "id" | "title" | "state" | "type" | "participantCount" | "peakParticipantCount" | "cumulativeParticipantCount" | "createdAt" | "startedAt" | "endedAt" | "durationMs"
> & { hosts: { userId: string; nickname: string }[] };

export interface LiveEventsPage {
  rows: LiveEventRow[];
  next: string | null;
  prev: string | null;
  /** When Sendbird answered (ms since epoch). */
  fetchedAt: number;
}

export function toRow(e: LiveEventDto): LiveEventRow {
  return {
    id: e.id,
    title: e.title,
    state: e.state,
    type: e.type,
    participantCount: e.participantCount,
    peakParticipantCount: e.peakParticipantCount,
    cumulativeParticipantCount: e.cumulativeParticipantCount,
    createdAt: e.createdAt,
    startedAt: e.startedAt,
    endedAt: e.endedAt,
    durationMs: e.durationMs,
    hosts: e.hosts.map((h) => ({ userId: h.userId, nickname: h.nickname })),
  };
}

/** One page of live events for the list's URL query, straight from Sendbird. */
export async function listLiveEvents(query: LiveEventsQuery): Promise<LiveEventsPage> {
  const page = await sendbird().liveEvents.list(toListParams(query));
  return { rows: page.items.map(toRow), next: page.next, prev: page.prev, fetchedAt: Date.now() };
}
