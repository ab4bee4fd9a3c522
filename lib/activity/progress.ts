import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { activitySync } from "@/lib/db/schema";

// The activity sync's progress: one row shared by every instance, holding the pass under way (where it has
// reached, so a restart resumes there), the last finished pass and the last failure.

/** The one row of `activity_sync` (a single crawl of live events, whichever instance runs it). */
export const syncId = "live-events";

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
