import "server-only";
import type { Database } from "@/lib/db";
import { taskLog } from "@/lib/observability/log";
import type { TaskLog } from "@/lib/observability/log";
import { metrics } from "@/lib/observability/metrics";
import { withRequestContext } from "@/lib/observability/request-context";
import type { SendbirdClient } from "@/lib/sendbird/client";
import { runPass } from "./crawler";
import type { PassResult } from "./crawler";
import { startSampler } from "./sampler";
import type { Sampler, SamplerOptions } from "./sampler";

export interface ActivitySyncOptions {
  db: Database;
  client: Pick<SendbirdClient, "liveEvents">;
  /** Time between passes over live events; 0 turns the crawl off. */
  syncIntervalMs: number;
  /** How far back (creation time) passes read events. */
  windowMs: number;
  /** Time between samples of on-air audiences; 0 turns sampling off. */
  sampleIntervalMs: number;
  /** Delay before the first pass, so a starting server answers its first pages first. */
  firstPassDelayMs?: number;
  instance?: string;
  now?: () => number;
  log?: TaskLog;
  /** Handed the events on air after each sampling round this instance ran (the alert evaluator). */
  afterSample?: SamplerOptions["afterRound"];
}

export interface ActivitySync {
  /** Runs a pass now (joining one under way). */
  pass(): Promise<PassResult>;
  /** Stops both loops; a pass under way stops after its current event and the next start resumes it. */
  stop(): Promise<void>;
}

/** After a failed pass, the next try comes at most this soon, so a short outage costs little. */
const retryAfterFailureMs = 30_000;

/**
 * The activity sync of one server process: passes over live events (see `runPass`) back to back with
 * `syncIntervalMs` between them, and the audience sampler on its own, shorter clock. Failures are logged
 * once each until the sync works again, and never stop it; its timers never keep the process alive.
 */
export function startActivitySync(options: ActivitySyncOptions): ActivitySync {
  const { db, client, syncIntervalMs, windowMs, sampleIntervalMs, now, instance } = options;
  const log = options.log ?? taskLog;
  const sampler: Sampler | null =
    sampleIntervalMs > 0
      ? startSampler({
          db,
          client,
          intervalMs: sampleIntervalMs,
          log,
          ...(now ? { now } : {}),
          ...(options.afterSample ? { afterRound: options.afterSample } : {}),
        })
      : null;
  const controller = new AbortController();
  let running: Promise<PassResult> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let failing: string | null = null;

  function pass(): Promise<PassResult> {
    running ??= runPass({ db, client, windowMs, signal: controller.signal, ...(now ? { now } : {}), ...(instance ? { instance } : {}) }).finally(() => {
      running = null;
    });
    return running;
  }

  function report(result: PassResult, ms: number) {
    if (result.outcome === "failed") {
      if (failing !== result.message) log(`the activity sync failed (it resumes where it stopped): ${result.message}`);
      failing = result.message;
    } else if (result.outcome === "finished") {
      metrics().syncFinished(Date.now());
      log("activity sync pass finished", "info", { events: result.seen, crawled: result.crawled, entries: result.entries, durationMs: Math.round(ms) });
      if (failing !== null) log("the activity sync works again.", "info");
      failing = null;
    }
  }

  function schedule(delayMs: number) {
    if (controller.signal.aborted || syncIntervalMs <= 0) return;
    timer = setTimeout(() => {
      const started = performance.now();
      void withRequestContext({ id: crypto.randomUUID(), task: "activity-sync" }, pass).then((result) => {
        report(result, performance.now() - started);
        schedule(result.outcome === "failed" ? Math.min(syncIntervalMs, retryAfterFailureMs) : syncIntervalMs);
      });
    }, delayMs);
    timer.unref();
  }

  schedule(options.firstPassDelayMs ?? 1000);
  return {
    pass,
    async stop() {
      controller.abort();
      if (timer) clearTimeout(timer);
      await Promise.all([running, sampler?.stop()]);
    },
  };
}
