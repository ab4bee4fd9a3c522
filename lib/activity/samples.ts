import "server-only";
import { and, asc, count, desc, eq, gte, inArray, lte, max, min, sql } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { participantSamples } from "@/lib/db/schema";

// Audience samples: how many watched an event at moments the sampler, the sync or an event page read it,
// the points of the event page's audience curve.

/** One reading of an event's audience: how many watched at that moment. */
export interface AudienceSample {
  /** Epoch milliseconds. */
  at: number;
  participantCount: number;
}

/**
 * Stores readings of events' audiences. A reading for an event at a time already stored is ignored, so
 * instances sampling the same moment, or a page reading the same event, never conflict. Returns how many
 * readings were new.
 */
export async function recordSamples(db: Database, rows: { liveEventId: string; at: Date | number; participantCount: number }[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await db
    .insert(participantSamples)
    .values(rows.map((r) => ({ liveEventId: r.liveEventId, at: new Date(r.at), participantCount: Math.max(0, Math.round(r.participantCount)) })))
    .onConflictDoNothing()
    .returning({ liveEventId: participantSamples.liveEventId });
  return inserted.length;
}

/**
 * An event's audience readings, oldest first. Past `maxPoints`, the event's time span is cut into
 * `maxPoints` equal stretches and each keeps its highest reading, so a peak is never averaged away.
 */
export async function samplesFor(db: Database, liveEventId: string, { maxPoints = 300 }: { maxPoints?: number } = {}): Promise<AudienceSample[]> {
  const own = eq(participantSamples.liveEventId, liveEventId);
  const [bounds] = await db
    .select({ n: count(), first: min(participantSamples.at), last: max(participantSamples.at) })
    .from(participantSamples)
    .where(own);
  if (!bounds?.n) return [];
  const columns = { at: participantSamples.at, participantCount: participantSamples.participantCount };
  const toSample = (r: { at: Date; participantCount: number }): AudienceSample => ({ at: r.at.getTime(), participantCount: r.participantCount });
  if (bounds.n <= maxPoints || !bounds.first || !bounds.last) {
    return (await db.select(columns).from(participantSamples).where(own).orderBy(asc(participantSamples.at))).map(toSample);
  }
  const first = bounds.first.getTime();
  const last = bounds.last.getTime();
  const stretches = Math.max(1, Math.floor(maxPoints));
  const widthMs = Math.max(1, (last - first) / stretches);
  // Numbers written into the SQL (all computed here, never input) so that DISTINCT ON and ORDER BY are the
  // same expression; as parameters they would be numbered apart and Postgres would refuse the pair.
  // Readings stored after the bounds were read (a sampler is running) fall into the last stretch.
  const stretch = sql<number>`least(floor((extract(epoch from ${participantSamples.at}) * 1000 - ${sql.raw(String(first))}) / ${sql.raw(String(widthMs))}), ${sql.raw(String(stretches - 1))})`;
  const rows = await db
    .selectDistinctOn([stretch], columns)
    .from(participantSamples)
    .where(own)
    .orderBy(stretch, desc(participantSamples.participantCount), asc(participantSamples.at));
  return rows.map(toSample).sort((a, b) => a.at - b.at);
}

/**
 * The audience readings of many events between `since` and `until` (epoch ms), in one query: per event,
 * oldest first, and at most `maxPoints` each. The window is cut into `maxPoints` equal stretches and each
 * keeps an event's highest reading in it, so a peak is never averaged away. Events without readings in
 * the window are absent from the map.
 */
export async function recentSamples(
  db: Database,
  liveEventIds: string[],
  { since, until = Date.now(), maxPoints = 40 }: { since: number; until?: number; maxPoints?: number },
): Promise<Map<string, AudienceSample[]>> {
  const out = new Map<string, AudienceSample[]>();
  if (liveEventIds.length === 0 || until < since) return out;
  const stretches = Math.max(1, Math.floor(maxPoints));
  const widthMs = Math.max(1, (until - since) / stretches);
  // Written into the SQL for the reason given in `samplesFor`: DISTINCT ON and ORDER BY must be one expression.
  const stretch = sql<number>`least(floor((extract(epoch from ${participantSamples.at}) * 1000 - ${sql.raw(String(Math.floor(since)))}) / ${sql.raw(String(widthMs))}), ${sql.raw(String(stretches - 1))})`;
  const rows = await db
    .selectDistinctOn([participantSamples.liveEventId, stretch], {
      liveEventId: participantSamples.liveEventId,
      at: participantSamples.at,
      participantCount: participantSamples.participantCount,
    })
    .from(participantSamples)
    .where(and(inArray(participantSamples.liveEventId, liveEventIds), gte(participantSamples.at, new Date(since)), lte(participantSamples.at, new Date(until))))
    .orderBy(participantSamples.liveEventId, stretch, desc(participantSamples.participantCount), asc(participantSamples.at));
  for (const r of rows) {
    const list = out.get(r.liveEventId) ?? [];
    list.push({ at: r.at.getTime(), participantCount: r.participantCount });
    out.set(r.liveEventId, list);
  }
  for (const list of out.values()) list.sort((a, b) => a.at - b.at);
  return out;
}
