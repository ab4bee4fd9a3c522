// The console's resident memory on each database: idle on the demo world two minutes after a restart (once
// the garbage collector has returned what starting up left behind, which takes it a minute or so), and at
// its highest while the activity sync makes its first pass over 1,000 events of 500 participants each.
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { defaultMasterToken } from "@/lib/emulator";
import { startThrowawayPostgres } from "../test/postgres";
import { stop, waitFor } from "./console-process";
import { startChild } from "./emulator-throughput";
import type { Figure } from "./figure";

const port = 3340;
const emulatorPort = 8440;
const metricsToken = "bench-metrics-token-0123456789";
const idleSeconds = 120;

/** Resident and peak resident memory of a process, in MB, from /proc. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0);
  return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
}

/** The production bundle as the image runs it (`node server.js`), launched from an empty directory so no settings file is read. */
function startBundle(env: Record<string, string>): ChildProcess {
  const bundle = join(process.cwd(), ".next/standalone/server.js");
  return spawn(process.execPath, [bundle], {
    cwd: mkdtempSync(join(tmpdir(), "bench-memory-cwd-")),
    stdio: ["ignore", "ignore", "inherit"],
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", PORT: String(port), LOG_LEVEL: "warn", ...env },
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Emulator mode on the demo world: a first start (which creates the database), then a restart left idle. */
async function idle(database: Record<string, string>): Promise<{ firstPeak: number; rss: number; peak: number }> {
  const env = { ...database, EMULATOR_PORT: String(emulatorPort) };
  const first = startBundle(env);
  let firstPeak = 0;
  try {
    await waitFor(`http://127.0.0.1:${port}/api/health`);
    await sleep(5000);
    firstPeak = memoryOf(first.pid ?? 0).peak;
  } finally {
    await stop(first);
  }
  const again = startBundle(env);
  try {
    await waitFor(`http://127.0.0.1:${port}/api/health`);
    await sleep(idleSeconds * 1000);
    return { firstPeak, ...memoryOf(again.pid ?? 0) };
  } finally {
    await stop(again);
  }
}

/**
 * Sendbird mode against a large world without rate limits: the highest memory sampled (every 250 ms) from
 * the start until the first sync pass over that world has finished.
 */
async function duringPass(database: Record<string, string>, emulatorBase: string): Promise<{ peak: number; seconds: number }> {
  const started = Date.now();
  const child = startBundle({
    ...database,
    SENDBIRD_APP_ID: "bench-memory",
    SENDBIRD_API_TOKEN: defaultMasterToken,
    SENDBIRD_CALLS_API_URL: `${emulatorBase}/v1`,
    SENDBIRD_CHAT_API_URL: `${emulatorBase}/v3`,
    SHOWRUNNER_CLIENT_THROTTLE: "off",
    NEXTAUTH_SECRET: "bench-memory-secret-0123456789abcdefghijkl",
    SHOWRUNNER_ADMIN_EMAIL: "owner@bench.invalid",
    SHOWRUNNER_ADMIN_PASSWORD: "bench owner password 123",
    METRICS_TOKEN: metricsToken,
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/api/health`);
    let peak = 0;
    for (;;) {
      peak = Math.max(peak, memoryOf(child.pid ?? 0).rss);
      const metrics = await (await fetch(`${base}/api/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } })).text();
      const lastSuccess = Number(/^showrunner_activity_sync_last_success_timestamp_seconds (\S+)$/m.exec(metrics)?.[1] ?? 0);
      // The database may hold an earlier console's pass: this one's finishes after the start.
      if (lastSuccess * 1000 > started) break;
      if (Date.now() - started > 900_000) throw new Error("the first sync pass did not finish within 15 minutes");
      await sleep(250);
    }
    return { peak: Math.max(peak, memoryOf(child.pid ?? 0).rss), seconds: (Date.now() - started) / 1000 };
  } finally {
    await stop(child);
  }
}

async function figuresOn(name: string, database: () => Promise<Record<string, string>>, emulatorBase: string): Promise<Figure[]> {
  // The pass runs on the database the idle console made, as a console that has started before would.
  const settings = await database();
  const rest = await idle(settings);
  const pass = await duringPass(settings, emulatorBase);
  const budget = name === "PGlite" ? "≤ 300 MB idle" : "—";
  return [
    {
      name: `console memory on ${name}, idle ${idleSeconds} s after a restart (emulator mode, demo world)`,
      value: `${rest.rss.toFixed(0)} MB resident (highest ${rest.peak.toFixed(0)} MB); the first start, which creates the database, peaked at ${rest.firstPeak.toFixed(0)} MB`,
      budget,
      ok: name !== "PGlite" || rest.rss <= 300,
    },
    {
      name: `console memory on ${name} during its first sync pass over 1,000 events × 500 participants (no rate limits)`,
      value: `${pass.peak.toFixed(0)} MB at most; start and pass took ${pass.seconds.toFixed(0)} s`,
      budget: "—",
      ok: true,
    },
  ];
}

/** Console memory on PGlite and, when its binaries exist, on Postgres (whose server's own memory is not counted). */
export async function memoryFigures(): Promise<Figure[]> {
  const world = await startChild(["crawl", "1000", "500"]);
  const emulatorBase = `http://127.0.0.1:${world.port}`;
  const figures: Figure[] = [];
  try {
    figures.push(...(await figuresOn("PGlite", async () => ({ DATA_DIR: mkdtempSync(join(tmpdir(), "bench-memory-")) }), emulatorBase)));
    const server = await startThrowawayPostgres();
    if (server) {
      try {
        let n = 0;
        const database = async () => {
          const name = `bench_memory_${(n += 1)}`;
          const client = new pg.Client({ connectionString: server.url });
          await client.connect();
          await client.query(`create database ${name}`);
          await client.end();
          return { DATABASE_URL: server.url.replace(/\/[^/]*$/, `/${name}`), DATA_DIR: mkdtempSync(join(tmpdir(), "bench-memory-")) };
        };
        figures.push(...(await figuresOn("Postgres", database, emulatorBase)));
      } finally {
        server.stop();
      }
    }
  } finally {
    world.proc.kill();
  }
  return figures;
}
