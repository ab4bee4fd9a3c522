import { HostsTable } from "@/components/live-events/hosts-table";
import { UserLink } from "@/components/users/user-link";
import type { HostDto } from "@/lib/sendbird/dto";

/**
 * The event's hosts: those Sendbird names (only the ones in the event now, none once it has ended), then the
 * earlier host sessions Showrunner's activity index saw while the event was live. `indexed` is null when the
 * index could not be read.
 */
export function EventHosts({
  hosts,
  indexed,
  eventState,
  candidates,
  now,
}: {
  hosts: HostDto[];
  indexed: HostDto[] | null;
  eventState: string;
  /** Sendbird's host candidates (`user_ids_for_host`): who could host, named when nothing says who did. */
  candidates: string[];
  now: number;
}) {
  const named = new Set(hosts.map((h) => h.hostId));
  const earlier = (indexed ?? []).filter((h) => !named.has(h.hostId));
  const ended = eventState === "ended";
  return (
    <div className="space-y-4">
      {ended && hosts.length === 0 ? (
        <p className="text-sm text-muted-foreground">Sendbird names no hosts once an event has ended.</p>
      ) : (
        <HostsTable hosts={hosts} eventState={eventState} now={now} />
      )}
      {earlier.length > 0 && (
        <div className="space-y-2">
          <h3 className="text-sm font-medium">{ended ? "Who hosted, as Showrunner saw it" : "Earlier host sessions, as Showrunner saw them"}</h3>
          <p className="text-xs text-muted-foreground">
            From Showrunner&apos;s activity index, which records the hosts Sendbird names while the event is live. A host still in when the event ended left at
            its end; one who left earlier is shown as gone by the time the index next looked.
          </p>
          <HostsTable hosts={earlier} eventState="ended" now={now} label="Hosts seen by the activity index" />
        </div>
      )}
      {ended && earlier.length === 0 && hosts.length === 0 && (
        <p className="text-sm text-muted-foreground">
          {indexed === null
            ? "Showrunner's activity index could not be read just now, so the hosts it saw are not shown."
            : "Showrunner's activity index did not see this event while a host was in it, so who hosted it is not known here."}
          {candidates.length > 0 && (
            <>
              {" "}
              Sendbird lists {candidates.length === 1 ? "one host candidate" : `${candidates.length} host candidates`}, who could host it:{" "}
              {candidates.map((userId, i) => (
                <span key={userId}>
                  {i > 0 && ", "}
                  <UserLink userId={userId} className="underline">
                    {userId}
                  </UserLink>
                </span>
              ))}
              .
            </>
          )}
        </p>
      )}
    </div>
  );
}
