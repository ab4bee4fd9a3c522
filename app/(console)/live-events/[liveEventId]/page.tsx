import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { CustomItemsCard } from "@/components/custom-items/custom-items-card";
import { ErrorState } from "@/components/errors/error-state";
import { BadId } from "@/components/errors/read-failure";
import { RetryButton } from "@/components/errors/retry-button";
import { AudienceCurve } from "@/components/live-events/audience-curve";
import { EventActions } from "@/components/live-events/event-actions";
import { EventHosts } from "@/components/live-events/event-hosts";
import { ParticipantsTable } from "@/components/live-events/participants-table";
import { StateBadge } from "@/components/live-events/state-badge";
import { RawObject } from "@/components/raw-object";
import { RecordingsTable } from "@/components/recordings/recordings-table";
import { PageHeader } from "@/components/shell/page-header";
import { Timeline } from "@/components/timeline/timeline";
import { Section } from "@/components/ui/section";
import { indexedHosts, recordHostSightings } from "@/lib/activity/store";
import { recordSamples, samplesFor } from "@/lib/activity/store";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { database } from "@/lib/db/server";
import { settings } from "@/lib/env";
import { explain } from "@/lib/errors";
import { utc } from "@/lib/format";
import { timeline } from "@/lib/live-events/detail";
import { liveEventIdSchema } from "@/lib/live-events/schemas";
import { idFromParam, liveEventPath } from "@/lib/paths";
import { sendbird } from "@/lib/sendbird/server";

export const metadata: Metadata = { title: "Live event" };

const searchSchema = z.object({
  participants: z
    .string()
    .max(1000)
    .regex(/^[\w\-.~=+/]*$/)
    .optional()
    .catch(undefined),
});

/** The event's audience samples; null when the database cannot answer (the page still shows Sendbird's data). */
async function audienceSamples(id: string) {
  try {
    return await samplesFor(await database(), id);
  } catch (err) {
    console.error(`showrunner: audience samples of ${id} could not be read: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  }
}

/** The host sessions the activity index saw in this event; null when the database cannot answer. */
async function hostsSeen(id: string) {
  try {
    return (await indexedHosts(await database(), [id])).get(id) ?? [];
  } catch (err) {
    console.error(`showrunner: the hosts the index saw in ${id} could not be read: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  }
}

/** The event (with Sendbird's object), one page of its participants, its audience samples and the hosts the index saw, read together. */
async function load(id: string, token: string | undefined) {
  const client = sendbird();
  const [{ event, raw }, participants, samples, indexed] = await Promise.all([
    client.liveEvents.retrieveWithRaw(id),
    client.liveEvents.participants({ liveEventId: id, limit: 20, next: token }),
    audienceSamples(id),
    hostsSeen(id),
  ]);
  const fetchedAt = Date.now();
  if (event.state !== "ended") {
    // The hosts were read anyway: the index keeps them, since Sendbird stops naming them once the event ends.
    void database()
      .then((db) => recordHostSightings(db, [{ event, at: fetchedAt }]))
      .catch(() => undefined);
  }
  if (event.state === "ongoing") {
    // The count was read anyway: keep it as a sample too. Not awaited, and a failure only loses this one sample.
    void database()
      .then((db) => recordSamples(db, [{ liveEventId: id, at: fetchedAt, participantCount: event.participantCount }]))
      .catch(() => undefined);
    const last = samples?.[samples.length - 1];
    if (samples && (!last || last.at < fetchedAt)) samples.push({ at: fetchedAt, participantCount: event.participantCount });
  }
  return { event, raw, participants, samples, indexed, fetchedAt };
}

// GET /live-events/[liveEventId] — one event: its timeline, hosts, participants, recordings, custom items and raw object.
export default async function LiveEventPage({
  params,
  searchParams,
}: {
  params: Promise<{ liveEventId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const parsed = liveEventIdSchema.safeParse(idFromParam((await params).liveEventId));
  const user = await requirePermission("data.read", parsed.success ? liveEventPath(parsed.data) : "/live-events");
  if (!parsed.success) return <BadId what="live event" message={parsed.error.issues[0]?.message} />;
  const id = parsed.data;
  const { participants: token } = searchSchema.parse(await searchParams);
  let loaded: Awaited<ReturnType<typeof load>>;
  try {
    loaded = await load(id, token);
  } catch (err) {
    return (
      <div className="space-y-4">
        <Link href="/live-events" className="text-sm underline">
          ← Live events
        </Link>
        <ErrorState explanation={explain(err)} action={<RetryButton />} />
      </div>
    );
  }
  const { event, raw, participants, samples, indexed, fetchedAt } = loaded;
  const base = liveEventPath(id);
  const canOperate = can(user.role, "liveEvents.operate");
  return (
    <div className="space-y-6">
      <PageHeader
        back={
          <Link href="/live-events" className="text-sm underline">
            ← Live events
          </Link>
        }
        title={event.title || "Untitled event"}
        badges={
          <>
            <StateBadge state={event.state} />
            {event.type === "audio" && <span className="text-sm font-normal text-muted-foreground">audio-only</span>}
          </>
        }
        meta={
          <>
            {event.id} · fetched from Sendbird at {utc(fetchedAt, "clock")} UTC
          </>
        }
      />
      {canOperate && (
        <EventActions event={{ id: event.id, title: event.title, state: event.state, coverUrl: event.coverUrl, hostCandidates: event.hostCandidates }} />
      )}
      <Section title="Timeline">
        <Timeline steps={timeline(event)} />
      </Section>
      <Section title="Audience" description="Sendbird counts who is watching now, the most at once, and everyone who ever joined.">
        <dl className="grid grid-cols-3 gap-4 text-center">
          {[
            ["Watching now", event.participantCount],
            ["Peak", event.peakParticipantCount],
            ["Joined in total", event.cumulativeParticipantCount],
          ].map(([label, value]) => (
            <div key={label} className="rounded-lg border p-3">
              <dt className="text-xs text-muted-foreground">{label}</dt>
              <dd className="text-2xl font-semibold">{Number(value).toLocaleString("en")}</dd>
            </div>
          ))}
        </dl>
        <AudienceCurve samples={samples} event={event} intervalS={settings().sampleIntervalS} />
      </Section>
      <Section
        title="Hosts"
        description={`Host candidates: ${event.hostCandidates.join(", ") || "none"}. A host off air for over a minute while the event is on air is flagged.`}
      >
        <EventHosts hosts={event.hosts} indexed={indexed} eventState={event.state} now={fetchedAt} />
      </Section>
      <Section title="Participants">
        <ParticipantsTable
          participants={participants.items}
          now={fetchedAt}
          next={participants.next}
          firstHref={token ? base : null}
          nextHref={participants.next ? `${base}?participants=${encodeURIComponent(participants.next)}` : null}
        />
      </Section>
      <Section title="Cloud recordings">
        <RecordingsTable recordings={event.recordings} owner="event" copy={canOperate ? { liveEventId: event.id } : undefined} />
      </Section>
      <Section title="Custom items" description="Free key/value data Sendbird keeps with the event.">
        <CustomItemsCard
          targetId={event.id}
          noun="event"
          items={event.customItems}
          readOnlyNote="An event's custom items are changed by its hosts through Sendbird's Live SDK while it is on air; the Platform API has no call for them."
        />
      </Section>
      <RawObject value={raw} />
    </div>
  );
}
