import "server-only";
import { isSoleWriter, tryTransactionLock } from "@/lib/db";
import type { Database } from "@/lib/db";
import { taskLog } from "@/lib/observability/log";
import type { TaskLog } from "@/lib/observability/log";
import { withRequestContext } from "@/lib/observability/request-context";
import type { SendbirdClient } from "@/lib/sendbird/client";
import { describeFailure } from "./failure";
import { recordHostSightings } from "./hosts";
import { recordSamples } from "./samples";
import type { LiveEventDto } from "@/lib/sendbird/dto";
import { lockKeys } from "@/lib/db/locks";

/** The advisory lock that lets one instance of a cluster sample at a time. */
export const samplerLockKey = lockKeys.sampler;

export type TickResult = { outcome: "sampled"; events: number; recorded: number; at: number } | { outcome: "busy" } | { outcome: "failed"; message: string };

export interface SamplerOptions {
  db: Database;
  client: Pick<SendbirdClient, "liveEvents">;
  /** Time between ticks; readings are stamped with the start of their interval (see `tick`). */
  intervalMs: number;
  now?: () => number;
  /** Where failures are reported, each distinct one once until sampling works again. */
  log?: TaskLog;
  /**
   * Called after each round this instance ran (not one another instance held): with the events on air it
   * just read, or null when the round failed. The alert evaluator judges from here, so it reads nothing more.
   */
  afterRound?: (events: LiveEventDto[] | null) => Promise<void>;
}

export interface Sampler {
  /** One round now; resolves when it is done. A round already running is joined, not doubled. */
  tick(): Promise<TickResult>;
  /** Stops the timer; resolves once a round in progress has finished. */
  stop(): Promise<void>;
}

async function readOngoing(client: SamplerOptions["client"], at: number) {
  const rows: { liveEventId: string; at: number; participantCount: number; event: LiveEventDto }[] = [];
  for await (const event of client.liveEvents.list.all({ states: ["ongoing"], limit: 100 })) {
    if (event.state === "ongoing") rows.push({ liveEventId: event.id, at, participantCount: event.participantCount, event });
  }
  return rows;
}

/** The audience and, from the same reading, the hosts on air: Sendbird stops naming them once an event ends. */
async function record(db: Database, rows: Awaited<ReturnType<typeof readOngoing>>): Promise<number> {
  const recorded = await recordSamples(db, rows);
  await recordHostSightings(db, rows);
  return recorded;
}

/**
 * Samples `participant_count` of every ongoing event each interval, so event pages can draw the audience
 * curve, and records the hosts on air, so the index can name who hosted an event once it is over. Runs inside the server process; failures are logged and never stop it, and its timer does not
 * keep the process alive.
 */
export function startSampler({ db, client, intervalMs, now = Date.now, log = taskLog, afterRound }: SamplerOptions): Sampler {
  const reported = new Set<string>();
  let running: Promise<TickResult> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  /** The events the latest round read, for `afterRound`. */
  let lastRead: LiveEventDto[] | null = null;

  async function round(): Promise<TickResult> {
    lastRead = null;
    // Readings are stamped with the start of their interval, so instances whose timers run out of phase
    // still write the same (event, time) key and the table keeps one reading per event per interval.
    const at = Math.floor(now() / intervalMs) * intervalMs;
    if (isSoleWriter(db)) {
      // The embedded database belongs to this one process: nobody else samples. No transaction around the
      // Sendbird call either, since PGlite runs one transaction at a time and pages would wait on it.
      const rows = await readOngoing(client, at);
      lastRead = rows.map((r) => r.event);
      return { outcome: "sampled", events: rows.length, recorded: await record(db, rows), at };
    }
    // On Postgres a session-level lock belongs to one pooled connection, which the pool may hand to anyone
    // (and our unlock to another); a transaction-scoped lock lives on the transaction's own connection and
    // is released by commit, rollback or a dropped connection, so a crashed instance never holds it.
    return db.transaction(async (tx) => {
      if (!(await tryTransactionLock(tx, samplerLockKey))) return { outcome: "busy" } as const;
      const rows = await readOngoing(client, at);
      lastRead = rows.map((r) => r.event);
      return { outcome: "sampled", events: rows.length, recorded: await record(tx, rows), at } as const;
    });
  }

  async function guarded(): Promise<TickResult> {
    try {
      const result = await round();
      if (reported.size > 0) {
        reported.clear();
        log("audience sampling works again.", "info");
      }
      return result;
    } catch (err) {
      const message = describeFailure(err);
      if (!reported.has(message)) {
        reported.add(message);
        log(`audience sampling failed (retrying every ${Math.round(intervalMs / 1000)} s): ${message}`);
      }
      return { outcome: "failed", message };
    }
  }

  async function roundThenAfter(): Promise<TickResult> {
    const result = await guarded();
    if (afterRound && result.outcome !== "busy") await afterRound(result.outcome === "sampled" ? lastRead : null);
    return result;
  }

  function tick(): Promise<TickResult> {
    running ??= withRequestContext({ id: crypto.randomUUID(), task: "sampler" }, roundThenAfter).finally(() => {
      running = null;
    });
    return running;
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => {
      void tick().finally(schedule);
    }, intervalMs);
    timer.unref();
  }

  schedule();
  return {
    tick,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
