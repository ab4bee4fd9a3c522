import "server-only";
import { and, gte, lt, sql } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { callCountState, callDayCounts } from "@/lib/db/schema";

// The calls overview's counts, read and written here only: calls per UTC day and end result, and how far
// the count has come.

/** The one row of `call_count_state`. */
const stateId = "direct-calls";

export interface DayCount {
  /** A UTC day, `YYYY-MM-DD`. */
  day: string;
  endResult: string;
  calls: number;
}

export interface StoredCounts {
  /** Every call started before this (ms) is counted in `days`; null before the first count. */
  cursor: number | null;
  /** When the count last moved. */
  countedAt: number | null;
  /** Counts of the days from `fromDay` on. */
  days: DayCount[];
}

/** The counts kept from `fromDay` (a UTC day) on, and how far they reach. */
export async function readCallCounts(db: Database, fromDay: string): Promise<StoredCounts> {
  const [state] = await db
    .select()
    .from(callCountState)
    .where(sql`${callCountState.id} = ${stateId}`);
  const days = await db
    .select({ day: callDayCounts.day, endResult: callDayCounts.endResult, calls: callDayCounts.calls })
    .from(callDayCounts)
    .where(gte(callDayCounts.day, fromDay));
  return { cursor: state?.cursor.getTime() ?? null, countedAt: state?.countedAt.getTime() ?? null, days };
}

/**
 * Adds newly counted calls and moves the cursor, in one transaction, so a count is kept whole or not at
 * all; days before `dropBefore` (out of every overview's window) are removed.
 */
export async function addCallCounts(db: Database, input: { add: DayCount[]; cursor: number; countedAt: number; dropBefore: string }): Promise<void> {
  await db.transaction(async (tx) => {
    if (input.add.length > 0) {
      await tx
        .insert(callDayCounts)
        .values(input.add)
        .onConflictDoUpdate({ target: [callDayCounts.day, callDayCounts.endResult], set: { calls: sql`${callDayCounts.calls} + excluded.calls` } });
    }
    await tx.delete(callDayCounts).where(and(lt(callDayCounts.day, input.dropBefore)));
    const state = { cursor: new Date(input.cursor), countedAt: new Date(input.countedAt) };
    await tx
      .insert(callCountState)
      .values({ id: stateId, ...state })
      .onConflictDoUpdate({ target: callCountState.id, set: state });
  });
}
