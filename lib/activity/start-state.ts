// Whether this instance's activity sync has started. It is this process's fact (the sync status in the
// database is every instance's), kept on globalThis since the start-up and the pages load it in different
// bundles. No "server-only" marker: it holds no secret, and the Sync status panel imports only its type.
import type { TaskLog } from "@/lib/observability/log";

/** Why this instance's sync has not started yet, and when it tries again. */
export interface SyncStartProblem {
  message: string;
  at: number;
  attempts: number;
  retryAt: number;
}

const processWide = globalThis as typeof globalThis & { showrunnerSyncStart?: SyncStartProblem | null };

/** The problem that keeps this instance's sync from starting, or null once it started (or was never asked to). */
export function syncStartProblem(): SyncStartProblem | null {
  return processWide.showrunnerSyncStart ?? null;
}

export function recordSyncStart(problem: SyncStartProblem | null): void {
  processWide.showrunnerSyncStart = problem;
}

/** The wait before the n-th retry (from 1): 5 s, doubling, at most 5 minutes. */
export function startRetryMs(attempt: number): number {
  return Math.min(5 * 60_000, 5_000 * 2 ** Math.max(0, attempt - 1));
}

/**
 * Runs `start` until it succeeds, waiting longer after each failure and recording the problem for /sync, so
 * a sync that could not start (a database still opening, a busy start-up) starts later by itself.
 */
export async function keepStarting(
  start: () => Promise<void>,
  options: { log: TaskLog; now?: () => number; sleep?: (ms: number) => Promise<void> },
): Promise<void> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms).unref()));
  for (let attempt = 1; ; attempt += 1) {
    try {
      await start();
      if (attempt > 1) options.log("the activity sync has started.", "info");
      recordSyncStart(null);
      return;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const waitMs = startRetryMs(attempt);
      recordSyncStart({ message, at: now(), attempts: attempt, retryAt: now() + waitMs });
      options.log(`the activity sync did not start (attempt ${attempt}; trying again in ${waitMs / 1000} s): ${message}`);
      await sleep(waitMs);
    }
  }
}
