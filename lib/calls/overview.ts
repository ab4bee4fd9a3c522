import "server-only";
import { overviewDays, overviewReuseMs, reuseFor, windowStart } from "@/lib/overview-window";
import type { SendbirdClient } from "@/lib/sendbird/client";
import { endResultText, endResultValues } from "./end-results";

const dayMs = 86_400_000;
const weekMs = 7 * dayMs;

/** What a call that has not ended counts as. */
export const notEnded = "ongoing";

export interface CallDay {
  /** A UTC day, `YYYY-MM-DD`. */
  day: string;
  /** Calls started that day, by end result (`ongoing` for calls not ended); results with no call are absent. */
  byResult: Record<string, number>;
  total: number;
}

export interface BadShare {
  /** Ended calls started in the period. */
  ended: number;
  /** Of those, the ones that ended badly (dropped, timed out, unknown). */
  bad: number;
  /** `bad / ended`, or null when no call ended. */
  share: number | null;
}

export interface CallsSummary {
  perDay: CallDay[];
  /** Every end result seen in the window, in the filters' order, then later ones, then `ongoing`. */
  results: string[];
  /** The 7 days up to now. */
  thisWeek: BadShare;
  /** The 7 days before those. */
  lastWeek: BadShare;
}

export interface CallsOverview extends CallsSummary {
  windowStart: number;
  fetchedAt: number;
}

type Counted = { startedAt: number | null; endResult: string | null };

function share(ended: number, bad: number): BadShare {
  return { ended, bad, share: ended === 0 ? null : bad / ended };
}

/**
 * Counts direct calls started in the `overviewDays` UTC days up to `now` one at a time, as pages arrive
 * (memory stays flat however many calls): per day by end result (zero-filled, oldest first), and the
 * share of ended calls that ended badly in the last 7 days against the 7 before.
 */
export function callCounter(now: number) {
  const from = windowStart(now);
  const perDay: CallDay[] = Array.from({ length: overviewDays }, (_, i) => ({
    day: new Date(from + i * dayMs).toISOString().slice(0, 10),
    byResult: {},
    total: 0,
  }));
  const seen = new Set<string>();
  const weeks = { this: { ended: 0, bad: 0 }, last: { ended: 0, bad: 0 } };
  return {
    add(c: Counted): void {
      if (c.startedAt === null || c.startedAt > now) return;
      const bucket = perDay[Math.floor((c.startedAt - from) / dayMs)];
      if (!bucket) return;
      const outcome = c.endResult ?? notEnded;
      bucket.byResult[outcome] = (bucket.byResult[outcome] ?? 0) + 1;
      bucket.total += 1;
      seen.add(outcome);
      const week = c.startedAt > now - weekMs ? weeks.this : c.startedAt > now - 2 * weekMs ? weeks.last : null;
      if (week && c.endResult !== null) {
        week.ended += 1;
        if (endResultText(c.endResult).bad) week.bad += 1;
      }
    },
    summary(): CallsSummary {
      const known: readonly string[] = endResultValues;
      const results = [
        ...endResultValues.filter((r) => seen.has(r)),
        ...[...seen].filter((r) => r !== notEnded && !known.includes(r)).sort(),
        ...(seen.has(notEnded) ? [notEnded] : []),
      ];
      return { perDay, results, thisWeek: share(weeks.this.ended, weeks.this.bad), lastWeek: share(weeks.last.ended, weeks.last.bad) };
    },
  };
}

/** `callCounter` over calls already at hand. */
export function summarizeCalls(calls: Iterable<Counted>, now: number): CallsSummary {
  const counter = callCounter(now);
  for (const c of calls) counter.add(c);
  return counter.summary();
}

/**
 * Walks Sendbird's list of direct calls from the start of the window onwards (every call started since)
 * and counts them as they arrive. Sendbird's list gives no totals, so counting means reading every page.
 * The list is newest first: a call from before the window ends the walk, should Sendbird not apply the
 * direction of `call_ts` as documented.
 */
export async function loadCallsOverview(client: SendbirdClient, now = Date.now()): Promise<CallsOverview> {
  const from = windowStart(now);
  const counter = callCounter(now);
  for await (const c of client.directCalls.list.all({ callTs: from, scope: "next", limit: 100 })) {
    if (c.startedAt !== null && c.startedAt < from) break;
    counter.add(c);
  }
  return { ...counter.summary(), windowStart: from, fetchedAt: Date.now() };
}

/** The calls overview of the configured application, walked at most once a minute per process. */
export const callsOverview: (client: SendbirdClient) => Promise<CallsOverview> = reuseFor(overviewReuseMs, (client: SendbirdClient) =>
  loadCallsOverview(client),
);
