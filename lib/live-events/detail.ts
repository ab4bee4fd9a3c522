import type { HostDto, LiveEventDto } from "@/lib/sendbird/dto";
import type { TimelineStep } from "@/lib/timeline";

/** A host away for longer than this while the event is on air is flagged. */
export const hostGapMs = 60_000;

/**
 * How long a host of an on-air event has been disconnected, when that is over a minute; null otherwise.
 * Sendbird only reports the host's latest connect and disconnect times, so only the current gap is known.
 */
export function hostDropMs(host: Pick<HostDto, "disconnectedAt" | "connectedAt" | "exitedAt">, eventState: string, now: number): number | null {
  if (eventState !== "ongoing" || host.exitedAt !== null || host.disconnectedAt === null) return null;
  if (host.connectedAt !== null && host.connectedAt > host.disconnectedAt) return null;
  const gap = now - host.disconnectedAt;
  return gap > hostGapMs ? gap : null;
}

/** The life of an event, created → ready → started → ended, with who moved it and when. */
export function timeline(
  e: Pick<LiveEventDto, "createdAt" | "createdBy" | "setReadyAt" | "setReadyBy" | "startedAt" | "startedBy" | "endedAt" | "endedBy">,
): TimelineStep[] {
  return [
    { label: "Created", at: e.createdAt, by: e.createdBy || "the API" },
    { label: "Set ready", at: e.setReadyAt, by: e.setReadyBy || "the API" },
    { label: "Started", at: e.startedAt, by: e.startedBy || "the API" },
    { label: "Ended", at: e.endedAt, by: e.endedBy || "the API" },
  ];
}

/**
 * Whether an audience is falling fast: over the readings of the last minute, at least 10 people and
 * 30 % of the highest reading have left. Readings are `[time ms, participants]`, oldest first.
 */
export function fallingFast(readings: [number, number][], now: number): boolean {
  const recent = readings.filter(([t]) => now - t <= 60_000);
  if (recent.length < 2) return false;
  const high = Math.max(...recent.map(([, n]) => n));
  const last = recent[recent.length - 1]?.[1] ?? high;
  return high - last >= 10 && (high - last) / high >= 0.3;
}
