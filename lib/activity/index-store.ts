import "server-only";
import { and, desc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { activityEntries, activityEvents, activitySync } from "@/lib/db/schema";
import type { LiveEventDto } from "@/lib/sendbird/dto";
import { closeGoneHosts, date, msOf, upsertSessions } from "./sessions";
import type { ActivitySession } from "./sessions";

export { hostSession, msOf, participantSession } from "./sessions";
export type { ActivitySession } from "./sessions";

/** The one row of `activity_sync` (a single crawl of live events, whichever instance runs it). */
const syncId = "live-events";

/** What the index knows of some events: whether each is final and when it was last crawled. */
export async function knownEvents(db: Database, ids: string[]): Promise<Map<string, { final: boolean; crawledAt: number }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: activityEvents.liveEventId, final: activityEvents.final, crawledAt: activityEvents.crawledAt })
    .from(activityEvents)
    .where(inArray(activityEvents.liveEventId, ids));
  return new Map(rows.map((r) => [r.id, { final: r.final, crawledAt: r.crawledAt.getTime() }]));
}

/**
 * Stores one crawl of an event: its sessions (each upserted by event, role and session id, so crawling
 * again only updates) and the event itself, final once it has ended; host sessions Sendbird no longer names
 * are closed. With `cursor`, the pass under way moves past this event in the same transaction, so a restart
 * never loses or repeats more than one event.
 */
export async function saveCrawl(
  db: Database,
  input: { event: LiveEventDto; sessions: ActivitySession[]; at: number; pass?: { instance: string } | undefined },
): Promise<void> {
  const { event, sessions, at, pass } = input;
  const seenAt = new Date(at);
  await db.transaction(async (tx) => {
    await upsertSessions(tx, event.id, sessions, seenAt);
    const hostsNow = sessions.filter((s) => s.role === "host" && s.exitedAt === null).map((s) => s.sessionId);
    await closeGoneHosts(tx, event.id, hostsNow, { endedAt: event.state === "ended" ? event.endedAt : null, at: seenAt });
    const values = {
      liveEventId: event.id,
      title: event.title,
      state: event.state,
      createdAt: new Date(event.createdAt),
      startedAt: date(event.startedAt),
      endedAt: date(event.endedAt),
      final: event.state === "ended",
      crawledAt: seenAt,
    };
    await tx.insert(activityEvents).values(values).onConflictDoUpdate({ target: activityEvents.liveEventId, set: values });
    if (pass) {
      await tx
        .update(activitySync)
        .set({
          cursor: new Date(event.createdAt),
          eventsSeen: sql`${activitySync.eventsSeen} + 1`,
          eventsCrawled: sql`${activitySync.eventsCrawled} + 1`,
          entriesRecorded: sql`${activitySync.entriesRecorded} + ${sessions.length}`,
          instance: pass.instance,
          heartbeatAt: seenAt,
        })
        .where(eq(activitySync.id, syncId));
    }
  });
}

/** The pass under way and the last one finished, as stored. */
export type SyncRow = typeof activitySync.$inferSelect;

export async function readSync(db: Database): Promise<SyncRow | null> {
  const [row] = await db.select().from(activitySync).where(eq(activitySync.id, syncId));
  return row ?? null;
}

/** Starts a pass over events created since `windowStart`, unless one is already under way (which is resumed). */
export async function beginPass(db: Database, input: { at: number; windowStart: number; instance: string }): Promise<SyncRow> {
  const existing = await readSync(db);
  if (existing?.passStartedAt) {
    const [row] = await db
      .update(activitySync)
      .set({ instance: input.instance, heartbeatAt: new Date(input.at) })
      .where(eq(activitySync.id, syncId))
      .returning();
    return row ?? existing;
  }
  const fresh = {
    passStartedAt: new Date(input.at),
    windowStart: new Date(input.windowStart),
    cursor: null,
    eventsSeen: 0,
    eventsCrawled: 0,
    entriesRecorded: 0,
    instance: input.instance,
    heartbeatAt: new Date(input.at),
  };
  const [row] = await db
    .insert(activitySync)
    .values({ id: syncId, ...fresh })
    .onConflictDoUpdate({ target: activitySync.id, set: fresh })
    .returning();
  if (!row) throw new Error("The activity sync's progress row was not written.");
  return row;
}

/**
 * Moves the pass past an event it did not need to crawl: final, gone, or crawled earlier in this pass
 * (`counted: false`, met again where a resumed pass picks up).
 */
export async function skipEvent(db: Database, input: { createdAt: number; at: number; instance: string; counted?: boolean }): Promise<void> {
  await db
    .update(activitySync)
    .set({
      cursor: new Date(input.createdAt),
      eventsSeen: sql`${activitySync.eventsSeen} + ${input.counted === false ? 0 : 1}`,
      instance: input.instance,
      heartbeatAt: new Date(input.at),
    })
    .where(eq(activitySync.id, syncId));
}

/** Ends the pass under way: its figures become the last run's, and any earlier failure is cleared. */
export async function finishPass(db: Database, at: number): Promise<void> {
  await db
    .update(activitySync)
    .set({
      lastStartedAt: sql`${activitySync.passStartedAt}`,
      lastFinishedAt: new Date(at),
      lastEventsSeen: sql`${activitySync.eventsSeen}`,
      lastEventsCrawled: sql`${activitySync.eventsCrawled}`,
      lastEntriesRecorded: sql`${activitySync.entriesRecorded}`,
      passStartedAt: null,
      cursor: null,
      heartbeatAt: new Date(at),
      lastError: null,
      lastErrorAt: null,
    })
    .where(eq(activitySync.id, syncId));
}

/** Records why the pass stopped; it resumes from its cursor on the next try. */
export async function recordSyncError(db: Database, input: { message: string; at: number }): Promise<void> {
  await db
    .insert(activitySync)
    .values({ id: syncId, lastError: input.message, lastErrorAt: new Date(input.at) })
    .onConflictDoUpdate({ target: activitySync.id, set: { lastError: input.message, lastErrorAt: new Date(input.at) } });
}

/** A live event a user hosted or watched, from the index. */
export interface UserActivity extends ActivitySession {
  liveEventId: string;
  title: string;
  eventState: string;
  /** When the index last read the event (and so this session) from Sendbird. */
  seenAt: number;
}

/**
 * The live events a user hosted or watched, newest entry first: sessions that overlap the time range
 * (entered before its end and, if it has one, not exited before its start), at most `limit` of them.
 */
export async function userActivity(
  db: Database,
  input: { userId: string; from?: number | undefined; to?: number | undefined; limit: number },
): Promise<UserActivity[]> {
  const conditions = [eq(activityEntries.userId, input.userId)];
  if (input.to !== undefined) conditions.push(lte(activityEntries.enteredAt, new Date(input.to)));
  if (input.from !== undefined) conditions.push(sql`(${activityEntries.exitedAt} is null or ${activityEntries.exitedAt} >= ${new Date(input.from)})`);
  const rows = await db
    .select({ entry: activityEntries, title: activityEvents.title, eventState: activityEvents.state, crawledAt: activityEvents.crawledAt })
    .from(activityEntries)
    .innerJoin(activityEvents, eq(activityEvents.liveEventId, activityEntries.liveEventId))
    .where(and(...conditions))
    .orderBy(desc(activityEntries.enteredAt), desc(activityEntries.sessionId))
    .limit(input.limit);
  return rows.map(({ entry, title, eventState, crawledAt }) => ({
    liveEventId: entry.liveEventId,
    title,
    eventState,
    role: entry.role,
    sessionId: entry.sessionId,
    userId: entry.userId,
    state: entry.state,
    enteredAt: msOf(entry.enteredAt),
    connectedAt: msOf(entry.connectedAt),
    exitedAt: msOf(entry.exitedAt),
    durationMs: entry.durationMs,
    // The last read of the event, or of this session alone (a host seen on air before the crawl came).
    seenAt: Math.max(crawledAt.getTime(), entry.seenAt.getTime()),
  }));
}

/** How many events and sessions the index holds. */
export async function indexSize(db: Database): Promise<{ events: number; finalEvents: number; entries: number }> {
  const [events] = await db
    .select({ events: sql<number>`count(*)::int`, finalEvents: sql<number>`count(*) filter (where ${activityEvents.final})::int` })
    .from(activityEvents);
  const [entries] = await db.select({ entries: sql<number>`count(*)::int` }).from(activityEntries);
  return { events: events?.events ?? 0, finalEvents: events?.finalEvents ?? 0, entries: entries?.entries ?? 0 };
}
