import "server-only";
import { indexedHostIds } from "@/lib/activity/hosts";
import { csvStream } from "@/lib/csv";
import type { CsvStream } from "@/lib/csv";
import type { Database } from "@/lib/db";
import { csvExport } from "@/lib/exports/job";
import type { ExportJob } from "@/lib/exports/job";
import type { LiveEventDto } from "@/lib/sendbird/dto";
import type { SendbirdClient } from "@/lib/sendbird/client";
import { reuse } from "@/lib/reuse";
import { sharedReadMs } from "./live-parts";
import { toListParams } from "./query";
import type { LiveEventsQuery } from "./query";

/** What a row of the live-events list needs, and nothing more goes to the browser. */
export type LiveEventRow = Pick<
  LiveEventDto,
  | "id"
  | "title"
  | "state"
  | "type"
  | "participantCount"
  | "peakParticipantCount"
  | "cumulativeParticipantCount"
  | "createdAt"
  | "startedAt"
  | "endedAt"
  | "durationMs"
> & {
  hosts: { userId: string; nickname: string }[];
  /** Sendbird names the hosts in an event now, none once it has ended; then they come from the activity index. */
  hostsFrom: "sendbird" | "index" | null;
};

export interface LiveEventsPage {
  rows: LiveEventRow[];
  next: string | null;
  prev: string | null;
  /** When Sendbird answered (ms since epoch). */
  fetchedAt: number;
}

export function toRow(e: LiveEventDto, seen?: string[]): LiveEventRow {
  const fromIndex = e.hosts.length === 0 && seen !== undefined && seen.length > 0;
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
    hosts: fromIndex ? seen.map((userId) => ({ userId, nickname: "" })) : e.hosts.map((h) => ({ userId: h.userId, nickname: h.nickname })),
    hostsFrom: fromIndex ? "index" : e.hosts.length > 0 ? "sendbird" : null,
  };
}

/**
 * Who hosted the ended events among `events`, as the activity index saw them (user ids, in order of entry,
 * each once). An index that cannot be read names nobody: the list still shows what Sendbird answered.
 */
async function hostsOfEnded(db: Database | null, events: LiveEventDto[]): Promise<Map<string, string[]>> {
  const ended = events.filter((e) => e.state === "ended" && e.hosts.length === 0).map((e) => e.id);
  if (db === null || ended.length === 0) return new Map();
  try {
    return await indexedHostIds(db, ended);
  } catch (err) {
    console.error(`showrunner: the hosts the index saw could not be read: ${err instanceof Error ? err.message : String(err)}`);
    return new Map();
  }
}

/**
 * One page of live events for the list's URL query, from Sendbird, with the hosts of ended events from the
 * index (none when the database could not be opened: the list still shows).
 */
export async function listLiveEvents(client: SendbirdClient, db: Database | null, query: LiveEventsQuery): Promise<LiveEventsPage> {
  const page = await client.liveEvents.list(toListParams(query));
  const seen = await hostsOfEnded(db, page.items);
  return { rows: page.items.map((e) => toRow(e, seen.get(e.id))), next: page.next, prev: page.prev, fetchedAt: Date.now() };
}

/** The same page for the list's refresh: read at most once per refresh interval and query on this instance, however many watch it. */
export function sharedLiveEventsPage(client: SendbirdClient, db: Database | null, query: LiveEventsQuery): Promise<LiveEventsPage> {
  return reuse(`live-events.list ${JSON.stringify(query)}`, () => listLiveEvents(client, db, query), { maxAgeMs: sharedReadMs, from: "window" });
}

/** Events per lookup of the index: five of Sendbird's pages, so a 100,000-row export asks the database 200 times. */
const lookupBatch = 500;

/**
 * Events as Sendbird lists them, each with the hosts the index saw (ended events only), looked up a batch at a
 * time. A batch's lookup runs while the next is read from Sendbird, so the index adds little wait of its own.
 */
async function* withIndexedHosts(
  events: AsyncIterable<LiveEventDto>,
  db: Database | null,
): AsyncGenerator<{ event: LiveEventDto; seen: string[] | undefined }> {
  const lookUp = async (page: LiveEventDto[]) => {
    const seen = await hostsOfEnded(db, page);
    return page.map((event) => ({ event, seen: seen.get(event.id) }));
  };
  let batch: LiveEventDto[] = [];
  let pending: Promise<{ event: LiveEventDto; seen: string[] | undefined }[]> | null = null;
  for await (const event of events) {
    batch.push(event);
    if (batch.length < lookupBatch) continue;
    const next = lookUp(batch);
    // A lookup never rejects (hostsOfEnded answers an empty map on failure), so leaving it pending is safe.
    batch = [];
    if (pending) yield* await pending;
    pending = next;
  }
  if (pending) yield* await pending;
  yield* await lookUp(batch);
}

/** The hosts and where they come from, for the CSV: Sendbird, or the activity index for an ended event. */
const hostCells = (row: LiveEventRow) => [row.hosts.map((h) => h.userId).join(" "), row.hostsFrom === "index" ? "activity_index" : (row.hostsFrom ?? "")];

const csvHeader = [
  "live_event_id",
  "title",
  "state",
  "type",
  "hosts",
  "hosts_from",
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
export async function liveEventsCsv(client: SendbirdClient, db: Database | null, query: LiveEventsQuery): Promise<CsvStream> {
  const events = withIndexedHosts(client.liveEvents.list.all({ ...toListParams(query), limit: 100 }), db);
  const first = await events.next();
  const time = (ms: number | null) => (ms === null ? "" : new Date(ms).toISOString());
  return csvStream(
    csvHeader,
    events,
    ({ event: e, seen }) => [
      e.id,
      e.title,
      e.state,
      e.type,
      ...hostCells(toRow(e, seen)),
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

/** The live-events export, audited as `live_event.export`; give it the export lane's client (`exportSendbird()`). */
export function liveEventsExport(client: SendbirdClient, db: Database | null, query: LiveEventsQuery): ExportJob {
  return csvExport({ action: "live_event.export", targetType: "live_event", limited: true }, "live-events", async () => ({
    body: await liveEventsCsv(client, db, { ...query, next: undefined, prev: undefined }),
  }));
}
