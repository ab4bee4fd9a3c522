// No "server-only": the console's HTTP server (scripts/serve.ts) counts requests here, and the app counts
// Sendbird calls, rate-limit waits, sync passes and audit rows. It holds no secret.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/** How a Sendbird call ended, for its metric and its log line. */
export type CallOutcome = "ok" | "client_error" | "rejected_token" | "not_found" | "rate_limited" | "server_error" | "timeout" | "network";

/** Why the console waited before calling Sendbird: its own throttle, or Sendbird's Retry-After. */
export type WaitReason = "client_throttle" | "retry_after";

function create() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const sync = { lastSuccess: null as number | null };
  return {
    registry,
    httpRequests: new Counter({
      name: "showrunner_http_requests_total",
      help: "Requests answered, by method, route (the page or handler, not the path) and status.",
      labelNames: ["method", "route", "status"] as const,
      registers,
    }),
    httpDuration: new Histogram({
      name: "showrunner_http_request_duration_seconds",
      help: "Time from a request's arrival to the end of its answer, by method and route.",
      labelNames: ["method", "route"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    sendbirdCalls: new Counter({
      name: "showrunner_sendbird_calls_total",
      help: "Calls to Sendbird's Platform API, by endpoint (method and path template) and outcome.",
      labelNames: ["endpoint", "outcome"] as const,
      registers,
    }),
    sendbirdDuration: new Histogram({
      name: "showrunner_sendbird_call_duration_seconds",
      help: "Time of one call to Sendbird (one attempt), by endpoint.",
      labelNames: ["endpoint"] as const,
      buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    rateLimitWaits: new Counter({
      name: "showrunner_sendbird_rate_limit_waits_total",
      help: "Times the console waited before calling Sendbird: its own throttle, or a 429's Retry-After.",
      labelNames: ["reason"] as const,
      registers,
    }),
    rateLimitWaitSeconds: new Counter({
      name: "showrunner_sendbird_rate_limit_wait_seconds_total",
      help: "Seconds spent waiting before calls to Sendbird, by reason.",
      labelNames: ["reason"] as const,
      registers,
    }),
    syncLastSuccess: new Gauge({
      name: "showrunner_activity_sync_last_success_timestamp_seconds",
      help: "When the activity sync last finished a pass (Unix time), on any instance; absent before the first.",
      registers,
      collect() {
        // An unlabelled gauge reads 0 until set; before the first pass it is left out instead.
        if (sync.lastSuccess === null) this.remove({});
        else this.set(sync.lastSuccess / 1000);
      },
    }),
    syncLag: new Gauge({
      name: "showrunner_activity_sync_lag_seconds",
      help: "Seconds since the activity sync last finished a pass; absent before the first.",
      registers,
      collect() {
        if (sync.lastSuccess === null) this.remove({});
        else this.set(Math.max(0, (Date.now() - sync.lastSuccess) / 1000));
      },
    }),
    auditRows: new Counter({
      name: "showrunner_audit_rows_appended_total",
      help: "Rows this instance appended to the audit trail.",
      registers,
    }),
    /** Records when the sync last finished a pass (read from the database before each scrape). */
    syncFinished(at: number | null) {
      sync.lastSuccess = at;
    },
  };
}

export type Metrics = ReturnType<typeof create>;

// One set for the whole process: the server and the app are bundled separately, and each bundle would
// otherwise count into its own.
const key = Symbol.for("showrunner.metrics");
const holder = globalThis as typeof globalThis & { [key]?: Metrics };

/** The process's metrics. */
export function metrics(): Metrics {
  return (holder[key] ??= create());
}
