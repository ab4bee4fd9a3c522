import "server-only";
import { and, count, desc, eq, inArray, isNull, lt, lte, notInArray, sql } from "drizzle-orm";
import { nextTurn } from "@/lib/db";
import type { Database } from "@/lib/db";
import { activityEntries, activityEvents, activitySync } from "@/lib/db/schema";
import type { LiveEventDto } from "@/lib/sendbird/dto";
import { syncId } from "./progress";
import { date, msOf } from "./sessions";
import type { ActivitySession } from "./sessions";

// The activity index: the events crawled and each event's host and participant sessions, written by the
// sync and read by case files. The sync's progress is in progress.ts, hosts sighted on air in hosts.ts and
// audience samples in samples.ts.

/** An event's own columns in `activity_events`, as Sendbird last described it. */
export function eventColumns(event: Pick<LiveEventDto, "id" | "title" | "state" | "createdAt" | "startedAt" | "endedAt">) {
  return {
    liveEventId: event.id,
    title: event.title,
    state: event.state,
    createdAt: new Date(event.createdAt),
    startedAt: date(event.startedAt),
    endedAt: date(event.endedAt),
  };
}

/**
 * What an event's own answer says about who is in it: its state, how many are in and have ever entered, and
 * its hosts' states. A join raises the cumulative count, a leave lowers the current one, and a host's coming
 * and going shows in the hosts; while all of it is the same, nobody came or went, and reading the event's
 * sessions again (a thousand pages for 100,000 participants) would find nothing new.
 */
export function eventSignature(event: Pick<LiveEventDto, "state" | "participantCount" | "cumulativeParticipantCount" | "isHostStreaming" | "hosts">): string {
  const hosts = event.hosts.map((h) => `${h.hostId}:${h.state}:${h.connectedAt ?? ""}:${h.disconnectedAt ?? ""}`).sort();
  return [event.state, event.participantCount, event.cumulativeParticipantCount, event.isHostStreaming, ...hosts].join("|");
}

/** What the index knows of some events: whether each is final, when it was last crawled, and its signature then. */
export async function knownEvents(db: Database, ids: string[]): Promise<Map<string, { final: boolean; crawledAt: number; signature: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: activityEvents.liveEventId, final: activityEvents.final, crawledAt: activityEvents.crawledAt, signature: activityEvents.signature })
    .from(activityEvents)
    .where(inArray(activityEvents.liveEventId, ids));
  return new Map(rows.map((r) => [r.id, { final: r.final, crawledAt: r.crawledAt.getTime(), signature: r.signature }]));
}

/** Sessions written per transaction: on the embedded database, a page's query waits for at most one such write. */
const sessionsPerTransaction = 200;

/**
 * Stores one crawl of an event: its sessions (each upserted by event, role and session id, so crawling
 * again only updates) and the event itself, final once it has ended; host sessions Sendbird no longer names
 * are closed. With `cursor`, the pass under way moves past this event in the same transaction, so a restart
 * never loses or repeats more than one event.
 *
 * A big event's sessions go first, in transactions of `sessionsPerTransaction` with a turn of the event loop
 * between them: the embedded database runs one transaction at a time, and one transaction for 100,000
 * sessions held every page's query for about ten seconds. Writing them again after a crash changes nothing.
 */
export async function saveCrawl(
  db: Database,
  input: { event: LiveEventDto; sessions: ActivitySession[]; at: number; pass?: { instance: string } | undefined },
): Promise<void> {
  const { event, sessions, at, pass } = input;
  const seenAt = new Date(at);
  const last = Math.max(0, Math.ceil(sessions.length / sessionsPerTransaction) - 1) * sessionsPerTransaction;
  for (let i = 0; i < last; i += sessionsPerTransaction) {
    await upsertSessions(db, event.id, sessions.slice(i, i + sessionsPerTransaction), seenAt);
    await nextTurn();
  }
  await db.transaction(async (tx) => {
    await upsertSessions(tx, event.id, sessions.slice(last), seenAt);
    const hostsNow = sessions.filter((s) => s.role === "host" && s.exitedAt === null).map((s) => s.sessionId);
    await closeGoneHosts(tx, event.id, hostsNow, { endedAt: event.state === "ended" ? event.endedAt : null, at: seenAt });
    const values = {
      ...eventColumns(event),
      final: event.state === "ended",
      crawledAt: seenAt,
      signature: eventSignature(event),
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

/** Which of some events the index has a user in still (a session not exited): the events to refresh for them first. */
export async function eventsWithOpenSession(db: Database, userId: string, liveEventIds: string[]): Promise<Set<string>> {
  if (liveEventIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ id: activityEntries.liveEventId })
    .from(activityEntries)
    .where(and(eq(activityEntries.userId, userId), inArray(activityEntries.liveEventId, liveEventIds), isNull(activityEntries.exitedAt)));
  return new Set(rows.map((r) => r.id));
}

/**
 * How many events and sessions the index holds. Events are counted (a month is thousands); sessions, which
 * run to millions, are Postgres's own estimate from its last statistics (`entriesEstimated`), counted only
 * while there are none yet.
 */
export async function indexSize(db: Database): Promise<{ events: number; finalEvents: number; entries: number; entriesEstimated: boolean }> {
  const [events] = await db
    .select({ events: sql<number>`count(*)::int`, finalEvents: sql<number>`count(*) filter (where ${activityEvents.final})::int` })
    .from(activityEvents);
  const estimate = await db.execute(sql`select reltuples::bigint as rows from pg_class where oid = 'activity_entries'::regclass`);
  const estimated = Number((estimate as unknown as { rows: { rows: string | number }[] }).rows[0]?.rows ?? -1);
  const entries = estimated >= 0 ? estimated : ((await db.select({ n: count() }).from(activityEntries))[0]?.n ?? 0);
  return { events: events?.events ?? 0, finalEvents: events?.finalEvents ?? 0, entries, entriesEstimated: estimated >= 0 };
}

/** Events removed per transaction by `pruneBefore`, and sessions per delete. */
const pruneEvents = 50;
const pruneEntries = 2000;

/**
 * Removes from the index the events created before `before` (the sync's window) and their sessions, in
 * small transactions with a turn of the event loop between them, so the index holds the window and no
 * more. Audience samples stay: they are the curves of event pages, a few rows an event.
 */
export async function pruneBefore(db: Database, before: Date): Promise<{ events: number; entries: number }> {
  let events = 0;
  let entries = 0;
  for (;;) {
    const old = await db.select({ id: activityEvents.liveEventId }).from(activityEvents).where(lt(activityEvents.createdAt, before)).limit(pruneEvents);
    if (old.length === 0) return { events, entries };
    const ids = old.map((r) => r.id);
    for (;;) {
      const removed = await db.execute(
        sql`delete from ${activityEntries} where ctid in (select ctid from ${activityEntries} where ${inArray(activityEntries.liveEventId, ids)} limit ${pruneEntries})`,
      );
      // node-postgres says rowCount, PGlite affectedRows.
      const answer = removed as unknown as { rowCount?: number | null; affectedRows?: number };
      const n = answer.rowCount ?? answer.affectedRows ?? 0;
      entries += n;
      await nextTurn();
      if (n < pruneEntries) break;
    }
    await db.delete(activityEvents).where(inArray(activityEvents.liveEventId, ids));
    events += ids.length;
    await nextTurn();
  }
}

/**
 * Gathers the planner's statistics for the index and the audit trail. Postgres does this by itself
 * (autovacuum); the embedded database never does, and without them a plan at 100,000 rows read every event.
 */
export async function gatherStatistics(db: Database): Promise<void> {
  await db.execute(sql`analyze activity_entries`);
  await nextTurn();
  await db.execute(sql`analyze activity_events`);
  await nextTurn();
  await db.execute(sql`analyze audit_events`);
}

// ——— host and participant sessions ———

export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** Upserts sessions of one event by role and session id: reading again only updates what changed. */
export async function upsertSessions(tx: Tx | Database, liveEventId: string, sessions: ActivitySession[], seenAt: Date): Promise<void> {
  for (let i = 0; i < sessions.length; i += 500) {
    const rows = sessions.slice(i, i + 500).map((s) => ({
      liveEventId,
      role: s.role,
      sessionId: s.sessionId,
      userId: s.userId,
      state: s.state,
      enteredAt: date(s.enteredAt),
      connectedAt: date(s.connectedAt),
      exitedAt: date(s.exitedAt),
      durationMs: s.durationMs,
      seenAt,
    }));
    await tx
      .insert(activityEntries)
      .values(rows)
      .onConflictDoUpdate({
        target: [activityEntries.liveEventId, activityEntries.role, activityEntries.sessionId],
        set: {
          userId: sql`excluded.user_id`,
          state: sql`excluded.state`,
          enteredAt: sql`excluded.entered_at`,
          connectedAt: sql`excluded.connected_at`,
          exitedAt: sql`excluded.exited_at`,
          durationMs: sql`excluded.duration_ms`,
          seenAt: sql`excluded.seen_at`,
        },
        // An event on air is read every pass, and most of its sessions have not changed: leave those rows be.
        setWhere: sql`(${activityEntries.userId}, ${activityEntries.state}, ${activityEntries.enteredAt}, ${activityEntries.connectedAt}, ${activityEntries.exitedAt}, ${activityEntries.durationMs})
          is distinct from (excluded.user_id, excluded.state, excluded.entered_at, excluded.connected_at, excluded.exited_at, excluded.duration_ms)`,
      });
  }
}

/**
 * Sendbird names only the hosts in an event now ("Retrieve a host", the event's `hosts`), none once it has
 * ended. A host session the index holds as still in, which Sendbird no longer names, has left: at the event's
 * end if it has ended (everyone is forced out then), else by the time of this read.
 */
export async function closeGoneHosts(tx: Tx | Database, liveEventId: string, present: string[], input: { endedAt: number | null; at: Date }): Promise<void> {
  const leftAt = input.endedAt !== null ? new Date(input.endedAt) : input.at;
  await tx
    .update(activityEntries)
    .set({
      state: "exited",
      exitedAt: leftAt,
      durationMs: sql`greatest(0, (extract(epoch from ${leftAt}::timestamptz - coalesce(${activityEntries.connectedAt}, ${activityEntries.enteredAt})) * 1000)::bigint)`,
      seenAt: input.at,
    })
    .where(
      and(
        eq(activityEntries.liveEventId, liveEventId),
        eq(activityEntries.role, "host"),
        isNull(activityEntries.exitedAt),
        present.length > 0 ? notInArray(activityEntries.sessionId, present) : undefined,
      ),
    );
}
