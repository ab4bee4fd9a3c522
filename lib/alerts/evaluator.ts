import "server-only";
import { eq } from "drizzle-orm";
import { recentSamples } from "@/lib/activity/samples";
import type { AudienceSample } from "@/lib/activity/samples";
import { endResultText } from "@/lib/calls/end-results";
import { isSoleWriter, tryTransactionLock } from "@/lib/db";
import type { Database } from "@/lib/db";
import { lockKeys } from "@/lib/db/locks";
import { activitySync } from "@/lib/db/schema";
import { syncId } from "@/lib/activity/progress";
import { upstreamStreak } from "@/lib/observability/upstream";
import type { SendbirdClient } from "@/lib/sendbird/client";
import { deliverDue } from "./deliveries";
import type { DeliverOptions } from "./deliveries";
import { plan } from "./evaluate";
import type { Observations, OnAirEvent } from "./evaluate";
import { applySteps, listRules, toRule, unresolvedAlerts } from "./store";
import type { Applied } from "./store";

// One round of alerting: gather what the rules need (the events the sampler just read, the audience samples
// already stored, the console's own health, and, at most every few minutes, the last hour of direct calls),
// judge it (lib/alerts/evaluate.ts), store the changes with their deliveries, then send what is due.

export interface EvaluatorOptions extends Omit<DeliverOptions, "db"> {
  db: Database;
  client: Pick<SendbirdClient, "directCalls">;
  /** The console's address, for links in messages. */
  origin: string;
  /** Whether the activity sync runs, and since when this process has been running it. */
  sync: { enabled: boolean; since: number };
  /** How often the last hour of direct calls is read for the call-failure rule. */
  callsEveryMs?: number;
}

export type RoundResult = { outcome: "evaluated"; applied: Applied; delivered: number } | { outcome: "busy" };

const hourMs = 3_600_000;
/** At most this many calls are read for the call-failure share: ten pages. */
const maxCalls = 1000;

/** Ended direct calls that started in the last hour, and how many ended badly (lib/calls/end-results.ts). */
async function lastHourOfCalls(client: EvaluatorOptions["client"], now: number): Promise<{ ended: number; bad: number }> {
  let ended = 0;
  let bad = 0;
  let read = 0;
  for await (const call of client.directCalls.list.all({ callTs: now - hourMs, scope: "next", limit: 100 })) {
    read += 1;
    if (call.endResult !== null && call.endedAt !== null) {
      ended += 1;
      if (endResultText(call.endResult).bad) bad += 1;
    }
    if (read >= maxCalls) break;
  }
  return { ended, bad };
}

export type JudgeResult = { outcome: "evaluated"; applied: Applied } | { outcome: "busy" };

export interface Evaluator {
  /** Judges the rules and stores what changed, with the messages it calls for; sends nothing. */
  judge(onAir: OnAirEvent[] | null): Promise<JudgeResult>;
  /** One round: `judge`, then send what is due; `onAir` is what the sampler just read, or null when this round has no fresh reading. */
  round(onAir: OnAirEvent[] | null): Promise<RoundResult>;
  /** Sends deliveries that are due (retries), without judging anything. */
  deliver(): Promise<number>;
}

export function createEvaluator(options: EvaluatorOptions): Evaluator {
  const { db, client, origin, callsEveryMs = 300_000 } = options;
  const now = options.now ?? Date.now;
  let calls: { at: number; value: { ended: number; bad: number } } | null = null;

  /** Reads the last hour of direct calls when a rule wants them and the last reading is old, outside any transaction. */
  async function refreshCalls(at: number): Promise<void> {
    if (calls && at - calls.at < callsEveryMs) return;
    try {
      calls = { at, value: await lastHourOfCalls(client, at) };
    } catch {
      // Sendbird's failure is the sendbird_failing rule's to report; the share waits for the next read.
    }
  }

  async function observe(tx: Database, onAir: OnAirEvent[] | null, at: number, windowMs: number, wantCalls: boolean): Promise<Observations> {
    let audiences = new Map<string, AudienceSample[]>();
    if (onAir && onAir.length > 0 && windowMs > 0) {
      audiences = await recentSamples(
        tx,
        onAir.map((e) => e.id),
        { since: at - windowMs, until: at, maxPoints: 120 },
      );
    }
    let sync: Observations["sync"] = null;
    if (options.sync.enabled) {
      const [row] = await tx.select({ lastFinishedAt: activitySync.lastFinishedAt }).from(activitySync).where(eq(activitySync.id, syncId));
      sync = { lastFinishedAt: row?.lastFinishedAt?.getTime() ?? null, runningSince: options.sync.since };
    }
    return { now: at, onAir, audiences, calls: wantCalls && calls ? calls.value : null, sendbird: upstreamStreak(), sync };
  }

  async function judge(tx: Database, onAir: OnAirEvent[] | null, at: number): Promise<Applied> {
    const rows = await listRules(tx);
    const rules = rows.map(toRule);
    const enabled = rules.filter((r) => r.enabled);
    const windowMs = Math.max(0, ...enabled.filter((r) => r.kind === "audience_drop").map((r) => (r.params.minutes ?? 5) * 60_000));
    const obs = await observe(
      tx,
      onAir,
      at,
      windowMs,
      enabled.some((r) => r.kind === "call_failures"),
    );
    const steps = plan(rules, obs, await unresolvedAlerts(tx));
    return applySteps(tx, steps, rows, origin, at);
  }

  const deliver = () => deliverDue({ ...options, db });

  async function judgeRound(onAir: OnAirEvent[] | null): Promise<JudgeResult> {
    if ((await listRules(db)).some((r) => r.enabled && r.kind === "call_failures")) await refreshCalls(now());
    const at = now();
    // The embedded database belongs to this process alone; on Postgres, one instance of the cluster judges at a time.
    const applied = await db.transaction(async (tx) => (isSoleWriter(db) || (await tryTransactionLock(tx, lockKeys.alerts)) ? judge(tx, onAir, at) : null));
    return applied ? { outcome: "evaluated", applied } : { outcome: "busy" };
  }

  return {
    judge: judgeRound,
    async round(onAir) {
      const judged = await judgeRound(onAir);
      return judged.outcome === "busy" ? judged : { ...judged, delivered: await deliver() };
    },
    deliver,
  };
}
