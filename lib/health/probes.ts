import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { explain } from "@/lib/errors";
import type { SendbirdClient } from "@/lib/sendbird/client";

/** One check of a probe: whether it passed, how long it took, and why not in plain words (never a secret). */
export interface Check {
  ok: boolean;
  ms: number;
  problem?: string;
}

export interface ProbeAnswer {
  status: "ok" | "failing";
  checks: Record<string, Check>;
}

/** How long a check may take before it counts as failed: an orchestrator's probe times out soon after. */
const checkTimeoutMs = 3_000;

async function timed(run: () => Promise<unknown>): Promise<Check> {
  const started = performance.now();
  const ms = () => Math.round((performance.now() - started) * 10) / 10;
  try {
    await Promise.race([
      run(),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${checkTimeoutMs / 1000} s`)), checkTimeoutMs).unref()),
    ]);
    return { ok: true, ms: ms() };
  } catch (err) {
    const { title, detail } = explain(err);
    return { ok: false, ms: ms(), problem: `${title}: ${detail}` };
  }
}

function answer(checks: Record<string, Check>): ProbeAnswer {
  return { status: Object.values(checks).every((c) => c.ok) ? "ok" : "failing", checks };
}

/** The database answers a trivial query. */
export const databaseCheck = (db: () => Promise<Database>) => timed(async () => (await db()).execute(sql`select 1`));

/** Sendbird answers one small read with this console's token. */
export const sendbirdCheck = (client: SendbirdClient) => timed(() => client.liveEvents.list({ limit: 1 }));

/**
 * Liveness: the process answers and its database answers. It never calls Sendbird, so a Sendbird outage
 * does not make an orchestrator restart every instance.
 */
export async function liveness(db: () => Promise<Database>): Promise<ProbeAnswer> {
  return answer({ database: await databaseCheck(db) });
}

/** Readiness: the database and Sendbird both answer, so this instance can serve pages. */
export async function readiness(db: () => Promise<Database>, sendbird: () => Promise<Check>): Promise<ProbeAnswer> {
  const [database, upstream] = await Promise.all([databaseCheck(db), sendbird()]);
  return answer({ database, sendbird: upstream });
}
