import "server-only";
import { and, desc, gte, ilike, lte } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { containing } from "@/lib/db/like";
import { activityEvents } from "@/lib/db/schema";

/** A live event the index holds, as title searches show it. */
export interface IndexedTitle {
  liveEventId: string;
  title: string;
  state: string;
  createdAt: number;
}

/**
 * The indexed live events whose title contains `title` (any case), newest first, at most `limit`, within a
 * creation range when given; `more` says others matched. Sendbird's list has no title filter: this is the
 * console's own index of the events the activity sync has walked and the sampler has seen on air.
 */
export async function eventsByTitle(
  db: Database,
  input: { title: string; limit: number; createdFrom?: number | undefined; createdTo?: number | undefined },
): Promise<{ events: IndexedTitle[]; more: boolean }> {
  const conditions = [ilike(activityEvents.title, containing(input.title))];
  if (input.createdFrom !== undefined) conditions.push(gte(activityEvents.createdAt, new Date(input.createdFrom)));
  if (input.createdTo !== undefined) conditions.push(lte(activityEvents.createdAt, new Date(input.createdTo)));
  const rows = await db
    .select({ liveEventId: activityEvents.liveEventId, title: activityEvents.title, state: activityEvents.state, createdAt: activityEvents.createdAt })
    .from(activityEvents)
    .where(and(...conditions))
    .orderBy(desc(activityEvents.createdAt), desc(activityEvents.liveEventId))
    .limit(input.limit + 1);
  return {
    events: rows.slice(0, input.limit).map((r) => ({ ...r, createdAt: r.createdAt.getTime() })),
    more: rows.length > input.limit,
  };
}
