import "server-only";
import { csvStream } from "@/lib/csv";
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

const csvHeader = [
  "live_event_id",
  "title",
  "state",
  "type",
  "hosts",
  "participants_now",
  "peak_participants",
  "cumulative_participants",
  "created_at",
  "started_at",
  "ended_at",
  "duration_s",
  "created_by",
];

/**
 * The whole filtered list as a CSV stream, walked 100 events per request through the client, whose
 * token bucket keeps the walk under Sendbird's rate limits (10 reads a second: about 1,000 events a
 * second at most). The first page is read before the response starts, so a failing Sendbird answers with
 * the error shape instead of a broken download.
 */
export async function liveEventsCsv(query: LiveEventsQuery, client = sendbird()): Promise<ReadableStream<Uint8Array>> {
  const events = client.liveEvents.list.all({ ...toListParams(query), limit: 100 })[Symbol.asyncIterator]();
  const first = await events.next();
  const time = (ms: number | null) => (ms === null ? "" : new Date(ms).toISOString());
  return csvStream(
    csvHeader,
    events,
    (e: LiveEventDto) => [
      e.id,
      e.title,
      e.state,
      e.type,
      e.hosts.map((h) => h.userId).join(" "),
      e.participantCount,
      e.peakParticipantCount,
      e.cumulativeParticipantCount,
      time(e.createdAt),
      time(e.startedAt),
      time(e.endedAt),
      e.durationMs === null ? "" : Math.round(e.durationMs / 1000),
      e.createdBy,
    ],
    first,
  );
}
