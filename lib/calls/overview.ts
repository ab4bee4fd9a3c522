import "server-only";
import { overviewDays, overviewReuseMs, windowStart } from "@/lib/overview-window";
import { reuseFor } from "@/lib/reuse";
import type { SendbirdClient } from "@/lib/sendbird/client";
import { tryLease } from "@/lib/db";
import type { Database, Lease } from "@/lib/db";
import { lockKeys } from "@/lib/db/locks";
import { AppError } from "@/lib/errors";
import { endResultText, endResultValues } from "./end-results";
import { addCallCounts, readCallCounts } from "./store";
import type { DayCount } from "./store";

const dayMs = 86_400_000;

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
  /**
   * Calls started before this were counted by an earlier read and kept in the database; the ones since were
   * read from Sendbird for this answer. Null when there is no database and every call was read now.
   */
  countedBefore: number | null;
  /** Calls read from Sendbird for this answer. */
  readNow: number;
}

type Counted = { startedAt: number | null; endResult: string | null };

function share(ended: number, bad: number): BadShare {
  return { ended, bad, share: ended === 0 ? null : bad / ended };
}

/** The UTC day of a time, `YYYY-MM-DD`. */
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Counts direct calls started in the `overviewDays` UTC days up to `now`, one call at a time as pages arrive
 * or as stored counts (memory stays flat however many calls): per day by end result (zero-filled, oldest
 * first), and the share of ended calls that ended badly in the last 7 UTC days (today included) against
 * the 7 before.
 */
export function callCounter(now: number) {
  const from = windowStart(now);
  const perDay: CallDay[] = Array.from({ length: overviewDays }, (_, i) => ({
    day: dayOf(from + i * dayMs),
    byResult: {},
    total: 0,
  }));
  const index = new Map(perDay.map((d, i) => [d.day, i]));
  const seen = new Set<string>();
  const addTo = (i: number | undefined, outcome: string, calls: number) => {
    const bucket = i === undefined ? undefined : perDay[i];
    if (!bucket || calls <= 0) return;
    bucket.byResult[outcome] = (bucket.byResult[outcome] ?? 0) + calls;
    bucket.total += calls;
    seen.add(outcome);
  };
  return {
    add(c: Counted): void {
      if (c.startedAt === null || c.startedAt > now || c.startedAt < from) return;
      addTo(Math.floor((c.startedAt - from) / dayMs), c.endResult ?? notEnded, 1);
    },
    /** Calls counted earlier, for one day and end result. */
    addCounted(day: string, outcome: string, calls: number): void {
      addTo(index.get(day), outcome, calls);
    },
    summary(): CallsSummary {
      const known: readonly string[] = endResultValues;
      const results = [
        ...endResultValues.filter((r) => seen.has(r)),
        ...[...seen].filter((r) => r !== notEnded && !known.includes(r)).sort(),
        ...(seen.has(notEnded) ? [notEnded] : []),
      ];
      const week = (days: CallDay[]) => {
        let ended = 0;
        let bad = 0;
        for (const d of days) {
          for (const [outcome, calls] of Object.entries(d.byResult)) {
            if (outcome === notEnded) continue;
            ended += calls;
            if (endResultText(outcome).bad) bad += calls;
          }
        }
        return share(ended, bad);
      };
      return { perDay, results, thisWeek: week(perDay.slice(-7)), lastWeek: week(perDay.slice(-14, -7)) };
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
 * Every call started from `since` to `now`, as Sendbird lists them (newest first). Sendbird's list gives no
 * totals, so counting means reading every page. A call from before `since` ends the walk, should Sendbird
 * not apply the direction of `call_ts` as documented.
 */
async function callsSince(client: SendbirdClient, since: number, now: number): Promise<{ startedAt: number; endResult: string | null }[]> {
  const calls: { startedAt: number; endResult: string | null }[] = [];
  for await (const c of client.directCalls.list.all({ callTs: since, scope: "next", limit: 100 })) {
    if (c.startedAt !== null && c.startedAt < since) break;
    if (c.startedAt === null || c.startedAt > now) continue;
    calls.push({ startedAt: c.startedAt, endResult: c.endResult });
  }
  return calls;
}

/** A call not ended after a day is counted as it is (`ongoing`): one stuck call must not hold the count back. */
const settleMs = dayMs;

/** How long a read waits for another instance's count before answering that it is busy. */
const waitForCountMs = 120_000;

/**
 * This process's counts, one after another (the advisory lock orders processes; within one, this does), on
 * globalThis since each page's bundle loads this module.
 */
const countsHere = ((globalThis as typeof globalThis & { showrunnerCallCounts?: WeakMap<Database, Promise<unknown>> }).showrunnerCallCounts ??= new WeakMap());

async function countingLease(db: Database): Promise<Lease> {
  const started = Date.now();
  for (;;) {
    const lease = await tryLease(db, lockKeys.callCounts);
    if (lease) return lease;
    if (Date.now() - started > waitForCountMs) {
      throw new AppError("busy", "Another console instance has been counting calls for two minutes; try again shortly.", 503);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * The calls overview. With a database, only calls newer than the last count are read from Sendbird: the
 * counts of earlier calls are kept, per UTC day and end result, so a later load reads a few pages however
 * busy the month was. The count moves up to the oldest call still under way (or past the newest one read),
 * so a call counted as not ended is read again until it ends. One instance counts at a time; the others
 * wait for it and then read only what came after. Without a database, every call of the window is read.
 */
export async function loadCallsOverview(client: SendbirdClient, db: Database | null, now = Date.now()): Promise<CallsOverview> {
  const from = windowStart(now);
  const counter = callCounter(now);
  if (!db) {
    const calls = await callsSince(client, from, now);
    for (const c of calls) counter.add(c);
    return { ...counter.summary(), windowStart: from, fetchedAt: Date.now(), countedBefore: null, readNow: calls.length };
  }
  const before = countsHere.get(db) ?? Promise.resolve();
  const counted = before.catch(() => undefined).then(() => countOnce(client, db, now));
  countsHere.set(db, counted);
  return counted;
}

async function countOnce(client: SendbirdClient, db: Database, now: number): Promise<CallsOverview> {
  const from = windowStart(now);
  const counter = callCounter(now);
  const lease = await countingLease(db);
  try {
    const kept = await readCallCounts(db, dayOf(from));
    const since = Math.max(from, kept.cursor ?? from);
    const fresh = await callsSince(client, since, now);
    let cursor = since;
    let oldestUnderWay = Infinity;
    for (const c of fresh) {
      cursor = Math.max(cursor, c.startedAt + 1);
      if (c.endResult === null && c.startedAt > now - settleMs) oldestUnderWay = Math.min(oldestUnderWay, c.startedAt);
    }
    cursor = Math.min(cursor, oldestUnderWay);
    const settled = new Map<string, DayCount>();
    for (const c of fresh) {
      if (c.startedAt >= cursor) continue;
      const day = dayOf(c.startedAt);
      const endResult = c.endResult ?? notEnded;
      const key = `${day} ${endResult}`;
      const entry = settled.get(key) ?? { day, endResult, calls: 0 };
      entry.calls += 1;
      settled.set(key, entry);
    }
    await addCallCounts(db, { add: [...settled.values()], cursor, countedAt: Date.now(), dropBefore: dayOf(from) });
    for (const d of kept.days) counter.addCounted(d.day, d.endResult, d.calls);
    for (const c of fresh) counter.add(c);
    return { ...counter.summary(), windowStart: from, fetchedAt: Date.now(), countedBefore: since, readNow: fresh.length };
  } finally {
    await lease.release();
  }
}

/** The calls overview of the configured application, read at most once a minute per process. */
export const callsOverview: (client: SendbirdClient, db: Database | null) => Promise<CallsOverview> = reuseFor(
  "calls.overview",
  overviewReuseMs,
  (client: SendbirdClient, db: Database | null) => loadCallsOverview(client, db),
);
