"use client";

import type * as React from "react";
import { EventHosts } from "@/components/live-events/event-hosts";
import { PollStatus, usePolledQuery } from "@/components/queries/polled";
import { Section } from "@/components/ui/section";
import { liveEventLiveQuery } from "@/lib/queries/live-events";
import { onAirRefreshMs } from "@/lib/queries/polling";

/**
 * An event's audience and hosts, refreshed every 5 seconds while it is on air (pausable; not in a hidden
 * tab). The page hands over what it read (`Hydrated` under `liveEventLiveQuery(id)`); `curve` is the
 * audience chart the server drew, shown under the counts, and `presence` the hosts' lanes it drew, under them.
 */
export function EventLiveParts({
  id,
  hostCandidates,
  curve,
  presence,
}: {
  id: string;
  hostCandidates: string[];
  curve: React.ReactNode;
  presence?: React.ReactNode;
}) {
  const polled = usePolledQuery(liveEventLiveQuery(id), { everyMs: onAirRefreshMs, active: (p) => p.state === "ongoing" });
  const parts = polled.query.data;
  if (!parts) return null;
  return (
    <>
      <Section title="Audience" description="Sendbird counts who is watching now, the most at once, and everyone who ever joined.">
        {parts.state === "ongoing" && <PollStatus polled={polled} fetchedAt={parts.fetchedAt} everyMs={onAirRefreshMs} what="audience and hosts refresh" />}
        <dl className="grid grid-cols-3 gap-4 text-center">
          {(
            [
              ["Watching now", parts.participantCount],
              ["Peak", parts.peakParticipantCount],
              ["Joined in total", parts.cumulativeParticipantCount],
            ] as const
          ).map(([label, value]) => (
            <div key={label} className="rounded-lg border p-3">
              <dt className="text-xs text-muted-foreground">{label}</dt>
              <dd className="text-2xl font-semibold">{value.toLocaleString("en")}</dd>
            </div>
          ))}
        </dl>
        {curve}
      </Section>
      <Section
        title="Hosts"
        description={`Host candidates: ${hostCandidates.join(", ") || "none"}. A host off air for over a minute while the event is on air is flagged.`}
      >
        <EventHosts hosts={parts.hosts} indexed={parts.indexed} eventState={parts.state} candidates={hostCandidates} now={parts.fetchedAt} />
        {presence}
      </Section>
    </>
  );
}
