import "server-only";
import type { SendbirdClient } from "@/lib/sendbird/client";
import type { LiveEventDto } from "@/lib/sendbird/dto";
import { overviewDays, overviewReuseMs, windowStart } from "@/lib/overview-window";
import { reuseFor } from "@/lib/reuse";
import { liveEventStates } from "./query";

const dayMs = 86_400_000;

export type LiveEventState = (typeof liveEventStates)[number];
export type StateCounts = Record<LiveEventState, number>;

export interface DayCount {
  /** A UTC day, `YYYY-MM-DD`. */
  day: string;
  count: number;
}

export interface Summary {
  byState: StateCounts;
  /** One entry per UTC day of the window, oldest first, today last; days without events count zero. */
  perDay: DayCount[];
}

export interface Overview extends Summary {
  /** Start of the oldest day of the window (ms, UTC midnight). `byState.ended` counts only events created since. */
  windowStart: number;
  fetchedAt: number;
}

type Counted = Pick<LiveEventDto, "state" | "createdAt">;

function zeroCounts(): StateCounts {
  return { created: 0, ready: 0, ongoing: 0, ended: 0 };
}

function isState(state: string): state is LiveEventState {
  return (liveEventStates as readonly string[]).includes(state);
}

/** Counts events by state; states the console does not know are left out. */
export function countByState(events: Iterable<Pick<LiveEventDto, "state">>): StateCounts {
  const counts = zeroCounts();
  for (const e of events) if (isState(e.state)) counts[e.state] += 1;
  return counts;
}

/**
 * Events created in the `overviewDays` UTC days up to `now`: how many per day (zero-filled, oldest
 * first) and how many in each state. Events created outside the window are ignored.
 */
export function summarize(events: Iterable<Counted>, now: number): Summary {
  const from = windowStart(now);
  const perDay: DayCount[] = Array.from({ length: overviewDays }, (_, i) => ({ day: new Date(from + i * dayMs).toISOString().slice(0, 10), count: 0 }));
  const inWindow: Counted[] = [];
  for (const e of events) {
    const bucket = perDay[Math.floor((e.createdAt - from) / dayMs)];
    if (!bucket) continue;
    bucket.count += 1;
    inWindow.push(e);
  }
  return { byState: countByState(inWindow), perDay };
}

async function collect(items: AsyncIterable<LiveEventDto>): Promise<Counted[]> {
  const out: Counted[] = [];
  for await (const e of items) out.push({ state: e.state, createdAt: e.createdAt });
  return out;
}

/**
 * Walks the live-events list for the overview: every event created in the window (per-day counts and
 * the ended count) and every event not yet ended, whenever created (complete created/ready/ongoing
 * counts). Sendbird's list gives no totals, so counting means reading every page.
 */
export async function loadOverview(client: SendbirdClient, now = Date.now()): Promise<Overview> {
  const from = windowStart(now);
  const [recent, open] = await Promise.all([
    collect(client.liveEvents.list.all({ createdFrom: from, limit: 100 })),
    collect(client.liveEvents.list.all({ states: ["created", "ready", "ongoing"], limit: 100 })),
  ]);
  const summary = summarize(recent, now);
  const openCounts = countByState(open);
  return {
    byState: { created: openCounts.created, ready: openCounts.ready, ongoing: openCounts.ongoing, ended: summary.byState.ended },
    perDay: summary.perDay,
    windowStart: from,
    fetchedAt: Date.now(),
  };
}

/** The overview of the configured application, walked at most once a minute per process. */
export const overview: (client: SendbirdClient) => Promise<Overview> = reuseFor("live-events.overview", overviewReuseMs, (client: SendbirdClient) =>
  loadOverview(client),
);
