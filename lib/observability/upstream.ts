// No "server-only", as lib/observability/metrics.ts: it holds no secret, only how Sendbird has been answering.
import type { CallOutcome } from "./metrics";

/** Whether Sendbird is failing the console: since when every call has failed, and how the latest did. */
export interface UpstreamStreak {
  failingSince: number | null;
  reason: string | null;
}

const failingOutcomes: Partial<Record<CallOutcome, string>> = {
  rate_limited: "rate limited (429)",
  server_error: "server errors (5xx)",
  rejected_token: "the API token is rejected",
  timeout: "requests time out",
  network: "Sendbird cannot be reached",
};

// One streak per process, whichever bundle records a call or reads it (the alert evaluator runs in another).
const processWide = globalThis as typeof globalThis & { showrunnerUpstream?: UpstreamStreak };
const streak = (processWide.showrunnerUpstream ??= { failingSince: null, reason: null });

/**
 * Notes how one call to Sendbird ended: a failure of Sendbird or of the way to it starts (or carries on) a
 * streak; any answer about the request itself (a success, a 404, a refused input) ends it.
 */
export function noteUpstreamOutcome(outcome: CallOutcome, now = Date.now()): void {
  const reason = failingOutcomes[outcome];
  if (reason === undefined) {
    streak.failingSince = null;
    streak.reason = null;
    return;
  }
  streak.failingSince ??= now;
  streak.reason = reason;
}

/** The streak as it stands (a copy). */
export function upstreamStreak(): UpstreamStreak {
  return { ...streak };
}
