import "server-only";
import type { Database } from "@/lib/db";
import { taskLog } from "@/lib/observability/log";
import type { TaskLog } from "@/lib/observability/log";
import { withRequestContext } from "@/lib/observability/request-context";
import type { SendbirdClient } from "@/lib/sendbird/client";
import type { LiveEventDto } from "@/lib/sendbird/dto";
import { describeFailure } from "@/lib/activity/failure";
import { createEvaluator } from "./evaluator";
import type { Evaluator } from "./evaluator";
import type { AlertRuntime } from "./runtime";

export interface AlertingOptions {
  db: Database;
  client: Pick<SendbirdClient, "directCalls">;
  runtime: AlertRuntime;
  /** The audience sampler's interval; 0 (sampling off): the evaluator runs on its own clock for the rules that need no sample. */
  sampleIntervalMs: number;
  syncEnabled: boolean;
  /** How often due retries are looked for. */
  retryEveryMs?: number;
  now?: () => number;
  log?: TaskLog;
}

export interface Alerting {
  evaluator: Evaluator;
  /** The sampler's hook: judge the rules on what it just read. */
  afterSample(events: LiveEventDto[] | null): Promise<void>;
  stop(): void;
}

/** How often rules are judged when no sampler drives them. */
const ownIntervalMs = 30_000;

/**
 * Alerting in one server process: rules judged after each sampling round (or on a clock of their own when
 * sampling is off), and deliveries that are due sent every few seconds. Failures are logged once each
 * until a round works again and never stop it; its timers never keep the process alive.
 */
export function startAlerting(options: AlertingOptions): Alerting {
  const { db, client, runtime, log = taskLog } = options;
  const evaluator = createEvaluator({
    db,
    client,
    key: runtime.key,
    policy: runtime.policy,
    origin: runtime.origin,
    sync: { enabled: options.syncEnabled, since: (options.now ?? Date.now)() },
    ...(options.now ? { now: options.now } : {}),
  });
  let failing: string | null = null;

  async function guarded(work: () => Promise<unknown>, what: string): Promise<void> {
    try {
      await withRequestContext({ id: crypto.randomUUID(), task: "alerts" }, work);
      if (failing !== null) log("alerting works again.", "info");
      failing = null;
    } catch (err) {
      const message = `${what}: ${describeFailure(err)}`;
      if (failing !== message) log(`alerting failed (it carries on): ${message}`);
      failing = message;
    }
  }

  const timers = [setInterval(() => void guarded(() => evaluator.deliver(), "sending alerts"), options.retryEveryMs ?? 5000)];
  if (options.sampleIntervalMs <= 0) timers.push(setInterval(() => void guarded(() => evaluator.round(null), "judging alert rules"), ownIntervalMs));
  for (const t of timers) t.unref();

  return {
    evaluator,
    // The sampler waits for the judging alone: sending goes on beside its next round, so a slow receiver
    // never delays a sample.
    async afterSample(events) {
      await guarded(() => evaluator.judge(events), "judging alert rules");
      void guarded(() => evaluator.deliver(), "sending alerts");
    },
    stop() {
      for (const t of timers) clearInterval(t);
    },
  };
}
