import "server-only";
import { indexedHosts, recordHostSightings } from "@/lib/activity/hosts";
import { recordSamples } from "@/lib/activity/samples";
import type { Database } from "@/lib/db";
import { onAirRefreshMs } from "@/lib/queries/polling";
import { reuse } from "@/lib/reuse";
import type { SendbirdClient } from "@/lib/sendbird/client";
import type { HostDto, LiveEventDto } from "@/lib/sendbird/dto";

/**
 * The window in which one read of what is on air answers every viewer on an instance: the browser's refresh
 * interval, so one viewer still gets a new reading each time and ten cost what one does.
 */
export const sharedReadMs = onAirRefreshMs;

/** The parts of an event's page that change while it is on air: its audience and its hosts. */
export interface LiveParts {
  state: LiveEventDto["state"];
  participantCount: number;
  peakParticipantCount: number;
  cumulativeParticipantCount: number;
  hosts: HostDto[];
  /** Hosts the activity index saw in the event; null when the index could not be read. */
  indexed: HostDto[] | null;
  fetchedAt: number;
}

/** The live parts of an event the page has just read. */
export function livePartsOf(event: LiveEventDto, indexed: HostDto[] | null, fetchedAt: number): LiveParts {
  const { state, participantCount, peakParticipantCount, cumulativeParticipantCount, hosts } = event;
  return { state, participantCount, peakParticipantCount, cumulativeParticipantCount, hosts, indexed, fetchedAt };
}

/**
 * The live parts of one event, read from Sendbird at most once per refresh interval on this instance however
 * many people watch its page; what was read is kept in the index (hosts sighted, an audience sample), as the
 * page's own read does.
 */
export function liveParts(client: SendbirdClient, db: Database | null, id: string): Promise<LiveParts> {
  return reuse(
    `live-events.live ${id}`,
    async () => {
      const event = await client.liveEvents.retrieve(id);
      const fetchedAt = Date.now();
      let indexed: HostDto[] | null = null;
      if (db) {
        if (event.state !== "ended") void recordHostSightings(db, [{ event, at: fetchedAt }]).catch(() => undefined);
        if (event.state === "ongoing")
          void recordSamples(db, [{ liveEventId: id, at: fetchedAt, participantCount: event.participantCount }]).catch(() => undefined);
        indexed = await indexedHosts(db, [id])
          .then((m) => m.get(id) ?? [])
          .catch(() => null);
      }
      return livePartsOf(event, indexed, fetchedAt);
    },
    { maxAgeMs: sharedReadMs, from: "window" },
  );
}
