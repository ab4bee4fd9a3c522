// What background work costs the pages beside it: the longest event-loop block, and the longest wait of a
// page's query, while the sync writes an event with 100,000 participants and while the audit chain is
// verified, on PGlite and (when its binaries exist) Postgres.
import { desc, sql } from "drizzle-orm";
import { gatherStatistics, saveCrawl } from "@/lib/activity/store";
import type { ActivitySession } from "@/lib/activity/sessions";
import { genesisHash, hashRow, verifyChain } from "@/lib/audit/store";
import { isSoleWriter } from "@/lib/db";
import type { Database } from "@/lib/db";
import { auditEvents } from "@/lib/db/schema";
import { createSendbirdClient } from "@/lib/sendbird/client";
import type { LiveEventDto } from "@/lib/sendbird/dto";
import { caseFileTimeline } from "@/lib/users/timeline";
import { onEachDatabase } from "./database";
import { percentile } from "./figure";
import type { Figure } from "./figure";

const participants = 100_000;
const auditRows = 1_000_000;
const indexRows = 1_000_000;
const blockBudgetMs = 100;

/** Watches the event loop and a page's query (`select 1` every 20 ms) while `work` runs. */
async function watched(db: Database, work: () => Promise<unknown>): Promise<{ ms: number; blockMs: number; queryWaitMs: number }> {
  // What earlier groups of the run left behind is collected first, so a pause measured here is this work's.
  (globalThis as { gc?: () => void }).gc?.();
  let last = performance.now();
  let blockMs = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    blockMs = Math.max(blockMs, now - last - 5);
    last = now;
  }, 5);
  let done = false;
  let queryWaitMs = 0;
  const pages = (async () => {
    while (!done) {
      const asked = performance.now();
      await db.execute(sql`select 1`);
      queryWaitMs = Math.max(queryWaitMs, performance.now() - asked);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const started = performance.now();
  try {
    await work();
  } finally {
    done = true;
    clearInterval(tick);
    await pages;
  }
  return { ms: performance.now() - started, blockMs, queryWaitMs };
}

function bigEvent(): { event: LiveEventDto; sessions: ActivitySession[] } {
  const now = Date.now();
  const event = {
    id: "bench-big-event",
    title: "Big",
    state: "ongoing",
    createdAt: now - 3_600_000,
    startedAt: now - 3_000_000,
    endedAt: null,
    hosts: [],
    participantCount: participants,
  } as unknown as LiveEventDto;
  const sessions: ActivitySession[] = Array.from({ length: participants }, (_, i) => ({
    role: "participant",
    sessionId: `bench-${i}`,
    userId: `user-${i}`,
    state: "entered",
    enteredAt: now - 1_000_000 + i,
    connectedAt: null,
    exitedAt: null,
    durationMs: 60_000,
  }));
  return { event, sessions };
}

/** `rows` more audit rows on the chain, inserted in batches with their hashes computed here. */
async function seedChain(db: Database, rows: number): Promise<void> {
  const [last] = await db.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
  let prevHash = last?.hash ?? genesisHash;
  const start = Date.now() - rows * 1000;
  for (let i = 0; i < rows; i += 1000) {
    const batch = [];
    for (let j = i; j < Math.min(rows, i + 1000); j += 1) {
      const row = {
        at: new Date(start + j * 1000),
        actorId: null,
        actorEmail: "bench@showrunner.local",
        action: j % 3 === 0 ? "user.view_case_file" : "live_event.update",
        targetType: "user",
        targetId: `user-${j % 5000}`,
        outcome: "success" as const,
        sendbirdCode: null,
        message: "",
        requestId: "",
        ip: "",
        userAgent: "",
        details: {},
        prevHash,
      };
      const hash = hashRow(row);
      batch.push({ ...row, hash });
      prevHash = hash;
    }
    await db.insert(auditEvents).values(batch);
  }
}

/**
 * Index rows up to `total`, beside the big event's: ended events of 100 sessions each, shared by 20,000 users
 * (about 45 sessions a user), written in one statement each since only the reads after are measured.
 */
async function seedIndex(db: Database, total: number): Promise<void> {
  const rows = total - participants;
  const now = Date.now();
  const at = (msAgo: string) => sql`to_timestamp((${now}::bigint - ${sql.raw(msAgo)}) / 1000.0)`;
  await db.execute(sql`
    insert into activity_events (live_event_id, title, state, created_at, started_at, ended_at, final, crawled_at)
    select 'bench-ended-' || g, 'Bench ended ' || g, 'ended', ${at("g::bigint * 200000")}, ${at("g::bigint * 200000 - 60000")},
      ${at("g::bigint * 200000 - 3660000")}, true, ${at("0")}
    from generate_series(0, ${rows / 100 - 1}) g`);
  await db.execute(sql`
    insert into activity_entries (live_event_id, role, session_id, user_id, state, entered_at, exited_at, duration_ms, seen_at)
    select 'bench-ended-' || (g / 100), 'participant', 'bench-s-' || g, 'user-' || (g % 20000), 'exited',
      ${at("(g / 100)::bigint * 200000 - 120000")}, ${at("(g / 100)::bigint * 200000 - 720000")}, 600000, ${at("0")}
    from generate_series(0, ${rows - 1}) g`);
}

/**
 * The case file's reads of the database (the user's sessions from the index and their changes from the
 * audit trail, at once, as the page makes them), for users with about 45 sessions and 130 changes among
 * 1M index rows and 1M audit rows. Its Sendbird reads are in the case-file figure of the console group.
 */
async function caseFileReads(db: Database): Promise<number[]> {
  const unused = createSendbirdClient({ apiToken: "unused", callsBaseUrl: "http://127.0.0.1:9/v1", chatBaseUrl: "http://127.0.0.1:9/v3" });
  const times: number[] = [];
  for (let i = 0; i < 220; i += 1) {
    const started = performance.now();
    const timeline = await caseFileTimeline(unused, db, `user-${(i * 37) % 5000}`, { from: undefined, to: undefined, kind: ["hosted", "watched", "changes"] });
    if (timeline.entries.length === 0) throw new Error("a case file read no entries");
    if (i >= 20) times.push(performance.now() - started);
  }
  return times;
}

const verdict = (blockMs: number) => `${blockMs.toFixed(0)} ms longest event-loop block`;

async function figuresOn(name: string, db: Database): Promise<Figure[]> {
  const { event, sessions } = bigEvent();
  const first = await watched(db, () => saveCrawl(db, { event, sessions, at: Date.now() }));
  const again = await watched(db, () => saveCrawl(db, { event, sessions, at: Date.now() + 1000 }));
  await seedChain(db, auditRows);
  const full = await watched(db, () => verifyChain(db, { scope: "all" }));
  await seedChain(db, 1000);
  const routine = await watched(db, () => verifyChain(db));
  await seedIndex(db, indexRows);
  // As the sync does after a pass that pruned rows, or hourly.
  if (isSoleWriter(db)) await gatherStatistics(db);
  const reads = await caseFileReads(db);
  const row = (what: string, w: { ms: number; blockMs: number; queryWaitMs: number }): Figure => ({
    name: `${what} on ${name}`,
    value: `${(w.ms / 1000).toFixed(1)} s; ${verdict(w.blockMs)}; a page's query waited at most ${w.queryWaitMs.toFixed(0)} ms`,
    budget: `≤ ${blockBudgetMs} ms block`,
    ok: w.blockMs <= blockBudgetMs,
  });
  return [
    row(`sync writes an event with ${participants.toLocaleString("en")} participants`, first),
    row(`sync writes it again, unchanged`, again),
    row(`full verification of a ${auditRows.toLocaleString("en")}-row audit chain`, full),
    row("routine verification of the 1,000 rows added since", routine),
    {
      name: `case file's database reads with ${indexRows.toLocaleString("en")} index rows and ${auditRows.toLocaleString("en")} audit rows on ${name}`,
      value: `${percentile(reads, 50).toFixed(1)} ms p50, ${percentile(reads, 95).toFixed(1)} ms p95 (${reads.length} reads)`,
      budget: "—",
      ok: true,
    },
  ];
}

export function backgroundWorkFigures(): Promise<Figure[]> {
  return onEachDatabase("bench_background", (name, database) => figuresOn(name, database.db));
}
