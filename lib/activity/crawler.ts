import "server-only";
import { hostname } from "node:os";
import { isSoleWriter, tryLease } from "@/lib/db";
import type { Database } from "@/lib/db";
import type { SendbirdClient } from "@/lib/sendbird/client";
import type { LiveEventDto } from "@/lib/sendbird/dto";
import { SendbirdNotFoundError } from "@/lib/sendbird/errors";
import { describeFailure } from "./failure";
import { hostSession, participantSession } from "./sessions";
import { eventSignature, eventsWithOpenSession, gatherStatistics, knownEvents, pruneBefore, saveCrawl } from "./store";
import { beginPass, finishPass, readSync, recordSyncError, skipEvent } from "./progress";
import type { ActivitySession } from "./sessions";
import { recordSamples } from "./samples";
import { lockKeys } from "@/lib/db/locks";

/** The advisory lock that lets one instance of a cluster crawl at a time. */
export const syncLockKey = lockKeys.sync;

export type CrawlClient = Pick<SendbirdClient, "liveEvents">;

export interface PassOptions {
  db: Database;
  client: CrawlClient;
  /** How far back (creation time) a pass reads events. */
  windowMs: number;
  /** Names this instance on the Sync status panel. */
  instance?: string;
  now?: () => number;
  /** Checked before each event: an aborted pass stops where it is, as a killed process would, and the next resumes there. */
  signal?: AbortSignal;
}

export type PassResult =
  | { outcome: "finished"; seen: number; crawled: number; entries: number }
  | { outcome: "busy" }
  | { outcome: "stopped" }
  | { outcome: "failed"; message: string };

/** This process, as the Sync status panel names it. */
export const thisInstance = (): string => `${hostname()} (pid ${process.pid})`;

/**
 * Every host and participant session Sendbird lists for an event (hosts and participants are asked at once).
 * Sendbird names only the hosts in the event now: those "Retrieve a host" answers and those the event itself
 * lists, together.
 */
export async function eventSessions(client: CrawlClient, event: Pick<LiveEventDto, "id" | "hosts">): Promise<ActivitySession[]> {
  const readParticipants = async () => {
    const sessions: ActivitySession[] = [];
    for await (const p of client.liveEvents.participants.all({ liveEventId: event.id, limit: 100 })) sessions.push(participantSession(p));
    return sessions;
  };
  const [hosts, participants] = await Promise.all([client.liveEvents.hosts(event.id), readParticipants()]);
  const named = new Map([...event.hosts, ...hosts].map((h) => [h.hostId, h]));
  return [...[...named.values()].map(hostSession), ...participants];
}

/** Crawls one event into the index; an event deleted since it was listed is passed over. Returns its sessions, or null. */
async function crawl(db: Database, client: CrawlClient, event: LiveEventDto, at: () => number, pass?: { instance: string }): Promise<number | null> {
  let sessions: ActivitySession[];
  try {
    sessions = await eventSessions(client, event);
  } catch (err) {
    if (err instanceof SendbirdNotFoundError) return null;
    throw err;
  }
  await saveCrawl(db, { event, sessions, at: at(), pass });
  // The same walk keeps the audience curve of an event on air fed between the sampler's ticks.
  if (event.state === "ongoing") await recordSamples(db, [{ liveEventId: event.id, at: at(), participantCount: event.participantCount }]);
  return sessions.length;
}

/**
 * One pass of the activity sync: walks live events created within the window, newest first, and records
 * the hosts and participants of each event that is not final yet (an ended event is crawled once). The
 * pass resumes from its cursor after a restart, and runs on one instance of a cluster at a time (an
 * advisory lock held for the pass); another instance's pass answers `busy`.
 */
export async function runPass(options: PassOptions): Promise<PassResult> {
  let lease: Awaited<ReturnType<typeof tryLease>>;
  try {
    lease = await tryLease(options.db, syncLockKey);
  } catch (err) {
    return { outcome: "failed", message: describeFailure(err) };
  }
  if (!lease) return { outcome: "busy" };
  try {
    return await passHoldingLock(options, () => lease.lost);
  } finally {
    await lease.release();
  }
}

/** How often the embedded database's statistics are gathered when nothing was pruned. */
const statisticsEveryMs = 3_600_000;
const statisticsGathered = new WeakMap<Database, number>();

/**
 * After a pass: the index loses what fell out of the window, and the embedded database (which never gathers
 * statistics by itself) gets fresh ones when rows went or an hour passed. A failure here is recorded for
 * /sync and does not undo the pass.
 */
async function upkeep(db: Database, windowStart: number, at: number): Promise<void> {
  try {
    const pruned = await pruneBefore(db, new Date(windowStart));
    if (isSoleWriter(db) && (pruned.entries > 0 || at - (statisticsGathered.get(db) ?? 0) >= statisticsEveryMs)) {
      await gatherStatistics(db);
      statisticsGathered.set(db, at);
    }
  } catch (err) {
    await recordSyncError(db, { message: `Tidying the index after the pass failed (it is tried again after the next): ${describeFailure(err)}`, at });
  }
}

async function passHoldingLock(options: PassOptions, lost: () => boolean): Promise<PassResult> {
  const { db, client, windowMs, signal } = options;
  const now = options.now ?? Date.now;
  const instance = options.instance ?? thisInstance();
  try {
    const pass = await beginPass(db, { at: now(), windowStart: now() - windowMs, instance });
    const passStart = pass.passStartedAt?.getTime() ?? now();
    const windowStart = pass.windowStart?.getTime() ?? now() - windowMs;
    // Sendbird may treat the end of the range as inclusive or not; one millisecond past the cursor covers
    // both, and events at the cursor already crawled in this pass are recognized and passed over.
    const createdTo = pass.cursor ? pass.cursor.getTime() + 1 : undefined;
    for await (const event of client.liveEvents.list.all({ createdFrom: windowStart, createdTo, limit: 100 })) {
      if (signal?.aborted) return { outcome: "stopped" };
      if (lost()) throw new Error("The database connection holding the sync's lock broke; the pass resumes on the next try.");
      const known = (await knownEvents(db, [event.id])).get(event.id);
      const doneThisPass = known !== undefined && known.crawledAt >= passStart;
      if (known && (known.final || doneThisPass || unchanged(known, event))) {
        await skipEvent(db, { createdAt: event.createdAt, at: now(), instance, counted: !doneThisPass });
        continue;
      }
      const crawled = await crawl(db, client, event, now, { instance });
      if (crawled === null) await skipEvent(db, { createdAt: event.createdAt, at: now(), instance });
    }
    await finishPass(db, now());
    await upkeep(db, windowStart, now());
    const row = await readSync(db);
    return { outcome: "finished", seen: row?.lastEventsSeen ?? 0, crawled: row?.lastEventsCrawled ?? 0, entries: row?.lastEntriesRecorded ?? 0 };
  } catch (err) {
    const message = describeFailure(err);
    await recordSyncError(db, { message, at: now() }).catch(() => undefined);
    return { outcome: "failed", message };
  }
}

/** Whether an open event's own answer is what it was at its last crawl: nobody came or went since. */
function unchanged(known: { final: boolean; signature: string }, event: LiveEventDto): boolean {
  return !known.final && known.signature === eventSignature(event);
}

/** Reads a refresh may spend while someone waits: about six seconds within Sendbird's budget. */
export const refreshReads = 50;

/** What reading an event costs: its hosts, and a page of participants per 100 who ever entered. */
const readsFor = (event: LiveEventDto) => 2 + Math.floor(Math.max(event.participantCount, event.cumulativeParticipantCount ?? 0) / 100);

/**
 * Crawls now the events within the window that are not over (created, ready or on air) and changed since
 * their last crawl: what can be new for a user since the last pass. An event whose own answer is unchanged is
 * not read again. The reads are bounded (`reads`, after the list itself): the events the index has the user
 * in come first, then the smallest; an event that does not fit (a big audience costs a page per 100) is left
 * to the background pass. Ended events are final and the background pass reaches them.
 */
export async function refreshOpenEvents(
  client: PassOptions["client"],
  db: Database,
  options: Pick<PassOptions, "windowMs" | "now"> & { userId?: string; reads?: number },
): Promise<{ read: number; deferred: number }> {
  const now = options.now ?? Date.now;
  const changed: LiveEventDto[] = [];
  for await (const event of client.liveEvents.list.all({
    states: ["created", "ready", "ongoing"],
    createdFrom: now() - options.windowMs,
    limit: 100,
  })) {
    const known = (await knownEvents(db, [event.id])).get(event.id);
    if (!known || !unchanged(known, event)) changed.push(event);
  }
  const theirs = options.userId
    ? await eventsWithOpenSession(
        db,
        options.userId,
        changed.map((e) => e.id),
      )
    : new Set<string>();
  changed.sort((a, b) => Number(theirs.has(b.id)) - Number(theirs.has(a.id)) || readsFor(a) - readsFor(b));
  let left = options.reads ?? refreshReads;
  let read = 0;
  let deferred = 0;
  for (const event of changed) {
    if (readsFor(event) > left) {
      deferred += 1;
      continue;
    }
    left -= readsFor(event);
    if ((await crawl(db, client, event, now)) !== null) read += 1;
  }
  return { read, deferred };
}
