import "server-only";
import { settings } from "@/lib/env";
import { createSendbirdClient } from "./client";
import type { SendbirdClient, SendbirdClientOptions } from "./client";
import { RateBucket } from "./rate-bucket";

let shared: SendbirdClient | undefined;
let forExports: SendbirdClient | undefined;
const processWide = globalThis as typeof globalThis & { showrunnerRateBucket?: RateBucket; showrunnerLastAnswered?: number };

/**
 * The process's one rate budget. Next loads instrumentation (the background sync) in a module graph of
 * its own, so a module-level bucket would give the sync a second budget beside the pages'; together they
 * must stay within Sendbird's limits.
 */
function processBucket(): RateBucket {
  processWide.showrunnerRateBucket ??= new RateBucket();
  return processWide.showrunnerRateBucket;
}

/** The console's client for the configured application (token from server env only). */
export function sendbird(): SendbirdClient {
  shared ??= createSendbirdClient(clientOptions());
  return shared;
}

/**
 * The client exports read through: the same token and rate budget as `sendbird()`, in the bulk lane, which
 * leaves part of every read budget to interactive pages however many exports run.
 */
export function exportSendbird(): SendbirdClient {
  forExports ??= createSendbirdClient(clientOptions({ lane: "bulk" }));
  return forExports;
}

/** Options for a client of the configured application, with overrides (e.g. a short timeout for checks). */
export function clientOptions(overrides: Partial<SendbirdClientOptions> = {}): SendbirdClientOptions {
  const s = settings();
  return {
    apiToken: s.apiToken,
    callsBaseUrl: s.callsBaseUrl,
    chatBaseUrl: s.chatBaseUrl,
    throttle: s.clientThrottle,
    bucket: processBucket(),
    onAnswered: () => {
      processWide.showrunnerLastAnswered = Date.now();
    },
    ...overrides,
  };
}

/** When Sendbird last answered this process on the configured token (ms), or null: "when this console last used it". */
export function lastAnswered(): number | null {
  return processWide.showrunnerLastAnswered ?? null;
}
