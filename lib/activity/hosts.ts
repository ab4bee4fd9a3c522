import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { activityEntries } from "@/lib/db/schema";
import type { HostDto } from "@/lib/sendbird/dto";
import { closeGoneHosts, hostSession, msOf, upsertSessions } from "./sessions";

/**
 * Records the hosts Sendbird names in events on air now (the audience sampler's reading of the list), so the
 * index knows who hosted an event after Sendbird stops naming them. Only host sessions: the event itself and
 * its participants are the crawl's to record.
 */
export async function recordHostSightings(db: Database, sightings: { liveEventId: string; hosts: HostDto[]; at: number }[]): Promise<void> {
  for (const s of sightings) {
    await db.transaction(async (tx) => {
      await upsertSessions(tx, s.liveEventId, s.hosts.map(hostSession), new Date(s.at));
      await closeGoneHosts(tx, s.liveEventId, s.hosts.map((h) => h.hostId), { endedAt: null, at: new Date(s.at) });
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
