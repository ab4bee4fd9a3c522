import type { PresenceLane, PresenceSpan } from "@/lib/charts/presence";
import { isPathSegment, userPath } from "@/lib/paths";
import type { HostDto, LiveEventDto } from "@/lib/sendbird/dto";

type HostTimes = Pick<HostDto, "enteredAt" | "connectedAt" | "disconnectedAt" | "exitedAt">;

/**
 * A host's stretches connected and disconnected, from entering the event to leaving it (or `end` while still
 * in). Sendbird keeps only a host's latest connect and latest disconnect, so a disconnect before the latest
 * connect is a reconnect, and the connection it broke is taken to have begun when they entered.
 */
export function hostSpans(h: HostTimes, end: number): PresenceSpan[] {
  const { connectedAt: on, disconnectedAt: off } = h;
  const start = h.enteredAt ?? on ?? off;
  const stop = h.exitedAt ?? end;
  if (start === null) return [];
  const spans: PresenceSpan[] = [];
  const add = (from: number, to: number, state: PresenceSpan["state"]) => {
    const span = { from: Math.max(from, start), to: Math.min(to, stop), state };
    if (span.to > span.from) spans.push(span);
  };
  if (on === null) {
    add(start, stop, "disconnected");
  } else if (off === null) {
    add(start, on, "disconnected");
    add(on, stop, "connected");
  } else if (off < on) {
    add(start, off, "connected");
    add(off, on, "disconnected");
    add(on, stop, "connected");
  } else {
    add(start, on, "disconnected");
    add(on, off, "connected");
    add(off, stop, "disconnected");
  }
  return spans;
}

/** The first moment a host's times name. */
const firstTime = (h: HostTimes) => h.enteredAt ?? h.connectedAt ?? h.disconnectedAt;

/**
 * One lane per host session over the event, the first in at the top: the hosts Sendbird names and the earlier
 * sessions the activity index saw. The window runs from the event's start (or the first host in, if earlier, as
 * hosts join an event that is ready) to its end, or `now` while it has not ended. Null when there is no host
 * or no time to draw.
 */
export function hostLanes(
  event: Pick<LiveEventDto, "startedAt" | "endedAt" | "hosts">,
  indexed: HostDto[] | null,
  now: number,
): { lanes: PresenceLane[]; from: number; to: number } | null {
  const named = new Set(event.hosts.map((h) => h.hostId));
  const hosts = [...event.hosts, ...(indexed ?? []).filter((h) => !named.has(h.hostId))];
  const to = event.endedAt ?? now;
  const firsts = hosts.map(firstTime).filter((t): t is number => t !== null);
  const from = Math.min(event.startedAt ?? Infinity, ...firsts);
  if (hosts.length === 0 || !Number.isFinite(from) || from >= to) return null;
  const lanes = hosts
    .map((h) => ({ first: firstTime(h) ?? Infinity, lane: hostLane(h, to) }))
    .sort((a, b) => a.first - b.first)
    .map((l) => l.lane);
  return { lanes, from, to };
}

function hostLane(h: HostDto, end: number): PresenceLane {
  return {
    label: h.nickname || h.userId,
    ...(isPathSegment(h.userId) ? { href: userPath(h.userId) } : {}),
    spans: hostSpans(h, end),
  };
}
