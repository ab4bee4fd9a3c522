// How the browser's polled queries (on-air board, live-events list, an event's live parts, sync status)
// behave when a refresh fails. Pure: no React, no I/O, so the rules are tested on their own.
import { ConsoleAnswerError } from "@/lib/api/answers";

/** How often what is on air is read again: the board, the list's on-air rows, an event's live parts, sync status. */
export const onAirRefreshMs = 5_000;

/** The slowest a failing refresh is retried: once a minute. */
export const maxBackoffMs = 60_000;

/** A failure worth trying again: Sendbird's rate limit, an upstream or console failure, no connection. */
export function isTransient(err: unknown): boolean {
  if (!(err instanceof ConsoleAnswerError)) return true;
  return err.status === 0 || err.status === 429 || err.status >= 500;
}

/**
 * The wait before retry number `failures` (1 for the first) of a refresh that runs every `everyMs`: doubling
 * from `everyMs` for a failure, from twice that for a rate limit (and never shorter than its Retry-After),
 * at most a minute.
 */
export function backoffMs(everyMs: number, failures: number, err: unknown): number {
  const limited = err instanceof ConsoleAnswerError && err.status === 429;
  const doubling = everyMs * 2 ** (Math.max(1, failures) - (limited ? 0 : 1));
  const asked = err instanceof ConsoleAnswerError && err.retryAfterS !== null ? err.retryAfterS * 1000 : 0;
  return Math.min(maxBackoffMs, Math.max(doubling, asked));
}

/** Keeps the answer shown when a later one is older (another instance's reused read): time never runs back. */
export function keepNewer(old: unknown, next: unknown): unknown {
  const at = (v: unknown) => (typeof v === "object" && v !== null && "fetchedAt" in v && typeof v.fetchedAt === "number" ? v.fetchedAt : null);
  const [was, now] = [at(old), at(next)];
  return was !== null && now !== null && now <= was ? old : next;
}

/** What went wrong with a refresh, in plain words. */
export function refreshProblem(err: unknown): string {
  if (!(err instanceof ConsoleAnswerError)) return "The refresh failed.";
  if (err.status === 429) return "Sendbird is refusing more requests for now (too many in a short time).";
  if (err.status === 401) return "Your session has ended. Reload the page to sign in again.";
  return err.message;
}
