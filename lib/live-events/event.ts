import "server-only";
import { indexedHosts, recordHostSightings } from "@/lib/activity/hosts";
import { recordSamples, samplesFor } from "@/lib/activity/samples";
import { listAudit } from "@/lib/audit/store";
import type { Database } from "@/lib/db";
import type { SendbirdClient } from "@/lib/sendbird/client";
import { consoleActors, consoleSteps } from "./detail";

/** A read of the console's own database beside Sendbird's: null when the database cannot answer, so the page still shows Sendbird's data. */
async function orNull<T>(what: string, db: Database | null, read: (db: Database) => Promise<T>): Promise<T | null> {
  if (!db) return null;
  try {
    return await read(db);
  } catch (err) {
    console.error(`showrunner: ${what} could not be read: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  }
}

/**
 * One event as its page shows it: the event (with Sendbird's object), one page of its participants, its
 * audience samples and the hosts the activity index saw, read together. What Sendbird said of an event not
 * over yet is kept in the index too, without waiting for it. Without a database (null: it could not be
 * opened) the page still has Sendbird's data.
 */
export async function loadLiveEvent(
  client: SendbirdClient,
  db: Database | null,
  id: string,
  participantsToken: string | undefined,
  read = client.liveEvents.retrieveWithRaw(id),
) {
  const [{ event, raw }, participants, samples, indexed, audited] = await Promise.all([
    read,
    client.liveEvents.participants({ liveEventId: id, limit: 20, next: participantsToken }),
    orNull(`audience samples of ${id}`, db, (d) => samplesFor(d, id)),
    orNull(`the hosts the index saw in ${id}`, db, async (d) => (await indexedHosts(d, [id])).get(id) ?? []),
    orNull(`the audit trail of ${id}`, db, (d) => listAudit(d, { targetType: "live_event", targetId: id, actions: Object.keys(consoleSteps), limit: 50 })),
  ]);
  const fetchedAt = Date.now();
  if (db && event.state !== "ended") {
    // The hosts were read anyway: the index keeps them, since Sendbird stops naming them once the event ends.
    void recordHostSightings(db, [{ event, at: fetchedAt }]).catch(() => undefined);
  }
  if (event.state === "ongoing") {
    // The count was read anyway: keep it as a sample too. Not awaited, and a failure only loses this one sample.
    if (db) void recordSamples(db, [{ liveEventId: id, at: fetchedAt, participantCount: event.participantCount }]).catch(() => undefined);
    const last = samples?.[samples.length - 1];
    if (samples && (!last || last.at < fetchedAt)) samples.push({ at: fetchedAt, participantCount: event.participantCount });
  }
  return { event, raw, participants, samples, indexed, actors: consoleActors(audited ?? []), fetchedAt };
}
