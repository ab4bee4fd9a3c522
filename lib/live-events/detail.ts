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

/** A host's time on stage in words, in the order it happened, and how long they streamed. */
export interface HostStint {
  /** Connection times in order: "connected 14:00:05", "connected 14:00:05 → disconnected 14:20:00", "disconnected 14:20:00 → reconnected 14:21:30", or "never connected". */
  connection: string;
  /** How long they streamed; null when nothing says. */
  streamedMs: number | null;
  /** `sendbird`: Sendbird's own duration; `so-far`: since they (re)connected, still on stage; `times`: from the times shown. */
  streamedFrom: "sendbird" | "so-far" | "times" | null;
}

const clock = (ms: number) => new Date(ms).toISOString().slice(11, 19);

/**
 * A host row that reads one way: Sendbird keeps only a host's latest connect and latest disconnect, so a
 * disconnect before the latest connect is a reconnect, shown as one step; the streamed time is Sendbird's
 * duration when it gives one, else what the times shown add up to.
 */
export function hostStint(h: Pick<HostDto, "connectedAt" | "disconnectedAt" | "exitedAt" | "durationMs">, eventState: string, now: number): HostStint {
  const { connectedAt: on, disconnectedAt: off, exitedAt: out } = h;
  if (on === null)
    return { connection: "never connected", streamedMs: h.durationMs > 0 ? h.durationMs : null, streamedFrom: h.durationMs > 0 ? "sendbird" : null };
  const reconnected = off !== null && off < on;
  const connection =
    off === null
      ? `connected ${clock(on)}`
      : reconnected
        ? `disconnected ${clock(off)} → reconnected ${clock(on)}`
        : `connected ${clock(on)} → disconnected ${clock(off)}`;
  if (h.durationMs > 0) return { connection, streamedMs: h.durationMs, streamedFrom: "sendbird" };
  const stillOn = out === null && (off === null || reconnected) && eventState === "ongoing";
  if (stillOn) return { connection, streamedMs: Math.max(0, now - on), streamedFrom: "so-far" };
  const end = off !== null && !reconnected ? off : out;
  return end === null ? { connection, streamedMs: null, streamedFrom: null } : { connection, streamedMs: Math.max(0, end - on), streamedFrom: "times" };
}

/** The audited console actions that move an event through its life, by the step they are. */
export const consoleSteps = {
  "live_event.create": "created",
  "live_event.set_ready": "setReady",
  "live_event.start": "started",
  "live_event.end": "ended",
} as const;
export type EventStep = (typeof consoleSteps)[keyof typeof consoleSteps];

/** Who in the console took each step of an event (the account's e-mail), from the audit trail's successful actions. */
export type ConsoleActors = Partial<Record<EventStep, string>>;

/**
 * The life of an event, created → ready → started → ended, with who moved it and when: the user Sendbird
 * names (a host's app), else the console account the audit trail records, else "the API" (a call from outside
 * this console, with the application's token).
 */
export function timeline(
  e: Pick<LiveEventDto, "createdAt" | "createdBy" | "setReadyAt" | "setReadyBy" | "startedAt" | "startedBy" | "endedAt" | "endedBy">,
  console: ConsoleActors = {},
): TimelineStep[] {
  const by = (sendbird: string, step: EventStep) => (sendbird ? `user ${sendbird}` : console[step] ? `${console[step]} (console)` : "the API");
  return [
    { label: "Created", at: e.createdAt, by: by(e.createdBy, "created") },
    { label: "Set ready", at: e.setReadyAt, by: by(e.setReadyBy, "setReady") },
    { label: "Started", at: e.startedAt, by: by(e.startedBy, "started") },
    { label: "Ended", at: e.endedAt, by: by(e.endedBy, "ended") },
  ];
}

/** The console actors of an event's steps from its audit rows (newest first): the latest successful action of each step. */
export function consoleActors(rows: { action: string; outcome: string; actorEmail: string }[]): ConsoleActors {
  const actors: ConsoleActors = {};
  for (const r of rows) {
    const step = (consoleSteps as Record<string, EventStep | undefined>)[r.action];
    if (step && r.outcome === "success" && actors[step] === undefined) actors[step] = r.actorEmail;
  }
  return actors;
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
