import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "@/lib/db";
import type { Database } from "@/lib/db";
import { defaultMasterToken } from "@/lib/emulator";
import { liveEventsQuerySchema } from "@/lib/live-events/query";
import { liveEventsCsv } from "@/lib/live-events/listing";
import { createSendbirdClient } from "@/lib/sendbird/client";
import { startChild } from "./emulator-throughput";
import type { Figure } from "./figure";

/** Streams the live-events CSV from an emulator and reads it to the end, counting lines and the heap's peak growth. */
async function exportOnce(port: number, throttle: boolean, db: Database, maxRows = Infinity): Promise<{ rows: number; seconds: number; peakGrowthMb: number }> {
  const base = `http://127.0.0.1:${port}`;
  // In the bulk lane, as the console's exports read, so the throttled figure is the rate a real export gets.
  const client = createSendbirdClient({ apiToken: defaultMasterToken, callsBaseUrl: `${base}/v1`, chatBaseUrl: `${base}/v3`, throttle, lane: "bulk" });
  globalThis.gc?.();
  const baseline = process.memoryUsage();
  let peak = 0;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peak = Math.max(peak, now.heapUsed + now.external + now.arrayBuffers - (baseline.heapUsed + baseline.external + baseline.arrayBuffers));
  }, 20);
  const started = performance.now();
  const reader = (await liveEventsCsv(client, db, liveEventsQuerySchema.parse({}))).getReader();
  let rows = -1;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    for (const byte of value) if (byte === 10) rows += 1;
    if (rows >= maxRows) {
      await reader.cancel();
      break;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  return { rows, seconds, peakGrowthMb: peak / 2 ** 20 };
}

/**
 * The CSV export of 100,000 live events: once with rate limits off on both sides (what the console's own
 * pipeline costs), and once within Sendbird's published limits (the rate a real export gets).
 */
export async function exportFigures(): Promise<Figure[]> {
  const figures: Figure[] = [];
  // The export looks up, a page at a time, the hosts the activity index saw in ended events: a real database.
  const index = await openDatabase({ databaseUrl: null, dataDir: mkdtempSync(join(tmpdir(), "showrunner-bench-")) });
  const db = index.db;
  const free = await startChild(["emulator", "100000"]);
  try {
    // The emulator serializes each event once and reuses the JSON, and both processes settle (JIT, heap)
    // over the first walks, as a long-running console and emulator would be: two passes warm, the third counts.
    await exportOnce(free.port, false, db);
    await exportOnce(free.port, false, db);
    const run = await exportOnce(free.port, false, db);
    const rate = run.rows / run.seconds;
    figures.push({
      name: `CSV export of ${run.rows.toLocaleString("en")} live events from the emulator, rate limits off`,
      value: `${Math.round(rate).toLocaleString("en")} rows/s (${run.seconds.toFixed(1)} s)`,
      budget: "≥ 20,000 rows/s",
      ok: run.rows === 100_000 && rate >= 20_000,
      row: "csvExport",
    });
    figures.push({
      name: "memory growth during that export",
      value: `${run.peakGrowthMb.toFixed(1)} MB`,
      budget: "≤ 64 MB",
      ok: run.peakGrowthMb <= 64,
      row: "csvExport",
    });
  } finally {
    free.proc.kill();
  }
  const limited = await startChild(["emulator", "5000", "limits"]);
  try {
    const run = await exportOnce(limited.port, true, db, 5000);
    figures.push({
      name: "the same export within Sendbird's rate limits (client throttle and emulator limits on, 5,000 rows)",
      value: `${Math.round(run.rows / run.seconds).toLocaleString("en")} rows/s`,
      budget: "—",
      ok: true,
    });
  } finally {
    limited.proc.kill();
    await index.close();
  }
  return figures;
}
