import "server-only";
import { indexedHostIds } from "@/lib/activity/hosts";
import { readSync } from "@/lib/activity/progress";
import { eventsByTitle } from "@/lib/activity/titles";
import { settings } from "@/lib/env";
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
  /**
   * Sendbird names the hosts in an event now, none once it has ended; then they come from the activity index,
   * or, for an event that went on air before the index saw it, from Sendbird's host candidates (`candidates`:
   * who could host it, not who did).
   */
  hostsFrom: "sendbird" | "index" | "candidates" | null;
};

export interface LiveEventsPage {
  rows: LiveEventRow[];
  next: string | null;
  prev: string | null;
  /** When Sendbird answered (ms since epoch). */
  fetchedAt: number;
  /** How a title in the query was applied; null without one. */
  titleSearch: TitleSearch | null;
}

/** The most events a title search hands to Sendbird's list by id: the most ids one list request takes. */
export const titleMatchesMax = 100;

/** How the list applied a title: from the console's activity index, or not at all while the index is off. */
export interface TitleSearch {
  title: string;
  /** `index`: the rows are the events the index matched (Sendbird applying the other filters); `off`: the title was not applied. */
  source: "index" | "off";
  /** Events the index matched (at most `titleMatchesMax`), and whether more did. */
  matched: number;
  more: boolean;
  /** When the index's last full pass finished; null if none has. */
  indexedAt: number | null;
}

/**
 * A query with its title turned into the event ids the index matched (within the query's creation range and
 * any ids it names), newest first; `none` when nothing matched, so Sendbird need not be asked. Without the
 * index (no database, or the sync turned off), the title is not applied and the search says so.
 */
export async function applyTitle(db: Database | null, query: LiveEventsQuery): Promise<{ query: LiveEventsQuery; search: TitleSearch | null; none: boolean }> {
  const title = query.title;
  if (title === undefined) return { query, search: null, none: false };
  if (db === null || settings().syncIntervalS === 0) return { query, search: { title, source: "off", matched: 0, more: false, indexedAt: null }, none: false };
  const [found, sync] = await Promise.all([
    eventsByTitle(db, { title, limit: titleMatchesMax, createdFrom: query.createdFrom, createdTo: query.createdTo }),
    readSync(db),
  ]);
  const named = new Set(query.ids);
  const ids = found.events.map((e) => e.liveEventId).filter((id) => named.size === 0 || named.has(id));
  return {
    query: { ...query, ids },
    search: { title, source: "index", matched: ids.length, more: found.more, indexedAt: sync?.lastFinishedAt?.getTime() ?? null },
    none: ids.length === 0,
  };
}

export function toRow(e: LiveEventDto, seen?: string[]): LiveEventRow {
  const fromIndex = e.hosts.length === 0 && seen !== undefined && seen.length > 0;
  const fromCandidates = e.hosts.length === 0 && !fromIndex && e.state === "ended" && e.startedAt !== null && e.hostCandidates.length > 0;
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
    hosts: fromIndex
      ? seen.map((userId) => ({ userId, nickname: "" }))
      : fromCandidates
        ? e.hostCandidates.map((userId) => ({ userId, nickname: "" }))
        : e.hosts.map((h) => ({ userId: h.userId, nickname: h.nickname })),
    hostsFrom: fromIndex ? "index" : fromCandidates ? "candidates" : e.hosts.length > 0 ? "sendbird" : null,
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
  const titled = await applyTitle(db, query);
  if (titled.none) return { rows: [], next: null, prev: null, fetchedAt: Date.now(), titleSearch: titled.search };
  const page = await client.liveEvents.list(toListParams(titled.query));
  const seen = await hostsOfEnded(db, page.items);
  return { rows: page.items.map((e) => toRow(e, seen.get(e.id))), next: page.next, prev: page.prev, fetchedAt: Date.now(), titleSearch: titled.search };
}

/** The same page for the list's refresh: read at most once per refresh interval and query on this instance, however many watch it. */
export function sharedLiveEventsPage(client: SendbirdClient, db: Database | null, query: LiveEventsQuery): Promise<LiveEventsPage> {
  return reuse(`live-events.list ${JSON.stringify(query)}`, () => listLiveEvents(client, db, query), { maxAgeMs: sharedReadMs, from: "window" });
}

/** An empty walk: a title nothing in the index matched. */
async function* nothing<T>(): AsyncGenerator<T> {}

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

/** The hosts and where they come from, for the CSV: Sendbird, the activity index, or the host candidates of an ended event. */
const hostCells = (row: LiveEventRow) => [
  row.hosts.map((h) => h.userId).join(" "),
  row.hostsFrom === "index" ? "activity_index" : row.hostsFrom === "candidates" ? "host_candidates" : (row.hostsFrom ?? ""),
];

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
  "on_air_s",
  "created_to_ended_s",
  "created_by",
];

const seconds = (ms: number | null) => (ms === null ? "" : Math.round(ms / 1000));

/** How long an event was on air: Sendbird's duration, or from its start to its end when Sendbird gives none. */
export function onAirMs(e: Pick<LiveEventDto, "durationMs" | "startedAt" | "endedAt">): number | null {
  if (e.durationMs > 0) return e.durationMs;
  return e.startedAt !== null && e.endedAt !== null ? Math.max(0, e.endedAt - e.startedAt) : null;
}

/**
 * The whole filtered list as a CSV stream, walked 100 events per request through the client, whose
 * token bucket keeps the walk under Sendbird's rate limits (10 reads a second: about 1,000 events a
 * second at most). The first page is read before the response starts, so a failing Sendbird answers with
 * the error shape instead of a broken download.
 */
export async function liveEventsCsv(client: SendbirdClient, db: Database | null, query: LiveEventsQuery): Promise<CsvStream> {
  const titled = await applyTitle(db, query);
  const listed = titled.none ? nothing<LiveEventDto>() : client.liveEvents.list.all({ ...toListParams(titled.query), limit: 100 });
  const events = withIndexedHosts(listed, db);
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
      seconds(onAirMs(e)),
      seconds(e.endedAt === null ? null : Math.max(0, e.endedAt - e.createdAt)),
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
