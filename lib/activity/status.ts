import "server-only";
import type { Database } from "@/lib/db";
import { msOf as ms } from "./sessions";
import { indexSize } from "./store";
import { readSync } from "./progress";

/** A pass that has not reported progress for this long is not running anywhere (its console stopped). */
export const staleAfterMs = 120_000;

/** What the Sync status panel and the case file say about the activity index. */
export interface SyncStatus {
  /** `off`: the setting turns it off; `never`: no pass has started; `crawling`: a pass reports progress;
   * `paused`: a pass stopped part-way (its console stopped) and resumes when one starts; `idle`: between passes. */
  state: "off" | "never" | "crawling" | "paused" | "idle";
  windowDays: number;
  intervalS: number;
  pass: {
    startedAt: number;
    windowStart: number;
    /** Creation time of the oldest event the pass has reached; null before the first. */
    reachedBack: number | null;
    /** Share of the window walked, 0–1. */
    progress: number;
    eventsSeen: number;
    eventsCrawled: number;
    entriesRecorded: number;
    instance: string;
    heartbeatAt: number | null;
  } | null;
  last: { startedAt: number | null; finishedAt: number; eventsSeen: number; eventsCrawled: number; entriesRecorded: number } | null;
  lastError: { message: string; at: number } | null;
  /** How much the index holds; null when not asked for (counting every row is for the Sync status page, not each case file). */
  size: { events: number; finalEvents: number; entries: number; entriesEstimated: boolean } | null;
}

export async function syncStatus(
  db: Database,
  settings: { syncIntervalS: number; activityWindowDays: number },
  now = Date.now(),
  { withSize = true }: { withSize?: boolean } = {},
): Promise<SyncStatus> {
  const [row, size] = await Promise.all([readSync(db), withSize ? indexSize(db) : null]);
  const startedAt = ms(row?.passStartedAt);
  const heartbeatAt = ms(row?.heartbeatAt);
  const windowStart = ms(row?.windowStart) ?? (startedAt ?? now) - settings.activityWindowDays * 86_400_000;
  const reachedBack = ms(row?.cursor);
  const pass =
    row && startedAt !== null
      ? {
          startedAt,
          windowStart,
          reachedBack,
          progress: reachedBack === null ? 0 : Math.min(1, Math.max(0, (startedAt - reachedBack) / Math.max(1, startedAt - windowStart))),
          eventsSeen: row.eventsSeen,
          eventsCrawled: row.eventsCrawled,
          entriesRecorded: row.entriesRecorded,
          instance: row.instance,
          heartbeatAt,
        }
      : null;
  const finishedAt = ms(row?.lastFinishedAt);
  const last =
    row && finishedAt !== null
      ? {
          startedAt: ms(row.lastStartedAt),
          finishedAt,
          eventsSeen: row.lastEventsSeen,
          eventsCrawled: row.lastEventsCrawled,
          entriesRecorded: row.lastEntriesRecorded,
        }
      : null;
  const errorAt = ms(row?.lastErrorAt);
  const lastError = row?.lastError && errorAt !== null ? { message: row.lastError, at: errorAt } : null;
  const state: SyncStatus["state"] =
    settings.syncIntervalS === 0 ? "off" : pass ? (heartbeatAt !== null && now - heartbeatAt < staleAfterMs ? "crawling" : "paused") : last ? "idle" : "never";
  return { state, windowDays: settings.activityWindowDays, intervalS: settings.syncIntervalS, pass, last, lastError, size };
}
