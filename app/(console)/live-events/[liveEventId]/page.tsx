import Link from "next/link";
import { Suspense } from "react";
import { CustomItemsCard } from "@/components/custom-items/custom-items-card";
import { BadId, ReadFailure } from "@/components/errors/read-failure";
import { AudienceCurve } from "@/components/live-events/audience-curve";
import { EventActions } from "@/components/live-events/event-actions";
import { EventLiveParts } from "@/components/live-events/event-live-parts";
import { HostPresence } from "@/components/live-events/host-presence";
import { ParticipantsTable } from "@/components/live-events/participants-table";
import { StateBadge } from "@/components/live-events/state-badge";
import { RawObject } from "@/components/raw-object";
import { RecordingsTable } from "@/components/recordings/recordings-table";
import { Hydrated } from "@/components/queries/hydrated";
import { PageHeader } from "@/components/shell/page-header";
import { EventAlerts } from "@/components/alerts/event-alerts";
import { RememberRecent } from "@/components/shell/recents";
import { Timeline } from "@/components/timeline/timeline";
import { Section } from "@/components/ui/section";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { databaseOrNull } from "@/lib/db/server";
import { settings } from "@/lib/env";
import { settled } from "@/lib/errors";
import { utc } from "@/lib/format";
import { timeline } from "@/lib/live-events/detail";
import { loadLiveEvent } from "@/lib/live-events/event";
import { livePartsOf } from "@/lib/live-events/live-parts";
import { liveEventRead } from "@/lib/pages/detail-reads";
import { liveEventIdSchema } from "@/lib/live-events/schemas";
import { idFromParam, liveEventPath } from "@/lib/paths";
import { liveEventLiveQuery } from "@/lib/queries/live-events";
import { sendbird } from "@/lib/sendbird/server";
import { participantsPageSchema } from "@/lib/url-params";

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
  const { participants: token } = participantsPageSchema.parse(await searchParams);
  const back = (
    <Link href="/live-events" className="text-sm underline">
      ← Live events
    </Link>
  );
  const loaded = await settled(loadLiveEvent(sendbird(), await databaseOrNull(), id, token, liveEventRead(id)));
  if (!loaded.ok) {
    return (
      <ReadFailure
        title="Live event"
        back={back}
        error={loaded.error}
        missing={`No live event with id '${id}'. Check the id, or search the live events list.`}
      />
    );
  }
  const { event, raw, participants, samples, indexed, actors, fetchedAt } = loaded.value;
  const base = liveEventPath(id);
  const canOperate = can(user.role, "liveEvents.operate");
  return (
    <div className="space-y-6">
      <RememberRecent href={liveEventPath(event.id)} label={event.title || "Untitled event"} detail={`Live event · ${event.state} · ${event.id}`} />
      <PageHeader
        back={back}
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
      <Suspense fallback={null}>
        <EventAlerts liveEventId={event.id} title={event.title || "Untitled event"} />
      </Suspense>
      {canOperate && (
        <EventActions event={{ id: event.id, title: event.title, state: event.state, coverUrl: event.coverUrl, hostCandidates: event.hostCandidates }} />
      )}
      <Section title="Timeline">
        <Timeline steps={timeline(event, actors)} />
      </Section>
      <Hydrated data={[[liveEventLiveQuery(id).queryKey, livePartsOf(event, indexed, fetchedAt)]]}>
        <EventLiveParts
          id={id}
          hostCandidates={event.hostCandidates}
          curve={<AudienceCurve samples={samples} event={event} intervalS={settings().sampleIntervalS} />}
          presence={<HostPresence event={event} indexed={indexed} now={fetchedAt} />}
        />
      </Hydrated>
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
