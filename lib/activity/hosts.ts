import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { activityEntries, activityEvents } from "@/lib/db/schema";
import type { HostDto, LiveEventDto } from "@/lib/sendbird/dto";
import { hostSession, msOf } from "./sessions";
import { closeGoneHosts, eventColumns, upsertSessions } from "./store";

// Hosts sighted on air: Sendbird stops naming an event's hosts once it has ended, so the index keeps who
// hosted it from every read that saw them, and lists and event pages read them back from here.

/** What a sighting needs of an event: who hosts it now, and enough to list it before the crawl reads it. */
export type SightedEvent = Pick<LiveEventDto, "id" | "title" | "state" | "createdAt" | "startedAt" | "endedAt" | "hosts">;

/**
 * Records the hosts Sendbird names in an event not over yet (the audience sampler's reading of the list, an
 * event page's read), so the index knows who hosted it after Sendbird stops naming them. An event the index
 * has not crawled yet is noted as never crawled, so the case file can list it and the next pass still reads
 * its participants.
 */
export async function recordHostSightings(db: Database, sightings: { event: SightedEvent; at: number }[]): Promise<void> {
  for (const { event, at } of sightings) {
    await db.transaction(async (tx) => {
      await tx
        .insert(activityEvents)
        .values({
          ...eventColumns(event),
          final: false,
          crawledAt: new Date(0),
        })
        .onConflictDoNothing();
      await upsertSessions(tx, event.id, event.hosts.map(hostSession), new Date(at));
      await closeGoneHosts(
        tx,
        event.id,
        event.hosts.map((h) => h.hostId),
        { endedAt: null, at: new Date(at) },
      );
    });
  }
}

/** Host sessions the index holds for some events, by event, in order of entry: who hosted them as it saw them. */
export async function indexedHosts(db: Database, liveEventIds: string[]): Promise<Map<string, HostDto[]>> {
  const out = new Map<string, HostDto[]>();
  if (liveEventIds.length === 0) return out;
  const rows = await db
    .select()
    .from(activityEntries)
    .where(and(inArray(activityEntries.liveEventId, liveEventIds), eq(activityEntries.role, "host")))
    .orderBy(asc(activityEntries.enteredAt), asc(activityEntries.sessionId));
  for (const r of rows) {
    const host: HostDto = {
      hostId: r.sessionId,
      userId: r.userId,
      nickname: "",
      profileUrl: "",
      state: r.state,
      streamType: null,
      enteredAt: msOf(r.enteredAt),
      connectedAt: msOf(r.connectedAt),
      disconnectedAt: null,
      exitedAt: msOf(r.exitedAt),
      durationMs: r.durationMs ?? 0,
      audioOn: false,
      videoOn: false,
    };
    out.set(r.liveEventId, [...(out.get(r.liveEventId) ?? []), host]);
  }
  return out;
}

/** Who hosted some events as the index saw them: user ids by event, in order of entry, each once (for lists). */
export async function indexedHostIds(db: Database, liveEventIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (liveEventIds.length === 0) return out;
  const rows = await db
    .select({ liveEventId: activityEntries.liveEventId, userId: activityEntries.userId })
    .from(activityEntries)
    .where(and(inArray(activityEntries.liveEventId, liveEventIds), eq(activityEntries.role, "host")))
    .orderBy(asc(activityEntries.enteredAt), asc(activityEntries.sessionId));
  for (const r of rows) {
    const ids = out.get(r.liveEventId) ?? [];
    if (!ids.includes(r.userId)) out.set(r.liveEventId, [...ids, r.userId]);
  }
  return out;
}
