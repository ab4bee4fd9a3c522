import { PresenceLanes } from "@/components/charts/presence-lanes";
import { utc } from "@/lib/format";
import { hostLanes } from "@/lib/live-events/presence";
import type { HostDto, LiveEventDto } from "@/lib/sendbird/dto";

/**
 * Each host session's time connected and disconnected over the event, from what the page read: the hosts
 * Sendbird names and the earlier sessions the activity index saw. Nothing when there is no host to draw.
 */
export function HostPresence({
  event,
  indexed,
  now,
}: {
  event: Pick<LiveEventDto, "state" | "startedAt" | "endedAt" | "hosts">;
  indexed: HostDto[] | null;
  now: number;
}) {
  const built = hostLanes(event, indexed, now);
  if (!built) return null;
  const loaded = event.state === "ongoing" ? ` Drawn from the page's read at ${utc(now, "clock")} UTC; reload for a newer one.` : "";
  return (
    <PresenceLanes
      title="Host presence"
      lanes={built.lanes}
      from={built.from}
      to={built.to}
      laneHeader="Host"
      noun="host sessions"
      labels={{ connected: "Connected", disconnected: "Disconnected", absent: "Not in the event" }}
      note={`Sendbird keeps only a host's latest connect and disconnect, so earlier drops do not show.${loaded}`}
    />
  );
}
