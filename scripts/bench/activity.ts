import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runPass } from "@/lib/activity/crawler";
import { syncStatus } from "@/lib/activity/status";
import { openDatabase } from "@/lib/db";
import { defaultMasterToken } from "@/lib/emulator";
import { createSendbirdClient } from "@/lib/sendbird/client";
import { startChild } from "./emulator-throughput";
import type { Figure } from "./figure";

const events = 1000;
const windowDays = 31;

/**
 * One pass of the activity sync over 1,000 live events (with their hosts and participants) from an emulator
 * enforcing Sendbird's published rate limits, through the client's own throttle as the console runs it,
 * into an embedded database. No error is shown when the pass finishes, the Sync status has no problem to
 * show, and Sendbird never had to refuse a request.
 */
export async function activityFigures(): Promise<Figure[]> {
  const child = await startChild(["emulator", String(events), "limits"]);
  const database = await openDatabase({ databaseUrl: null, dataDir: mkdtempSync(join(tmpdir(), "bench-activity-")) });
  try {
    const base = `http://127.0.0.1:${child.port}`;
    const refused: number[] = [];
    const client = createSendbirdClient({
      apiToken: defaultMasterToken,
      callsBaseUrl: `${base}/v1`,
      chatBaseUrl: `${base}/v3`,
      throttle: true,
      fetch: async (input, init) => {
        const res = await fetch(input, init);
        if (!res.ok) refused.push(res.status);
        return res;
      },
    });
    const started = performance.now();
    const result = await runPass({ db: database.db, client, windowMs: windowDays * 86_400_000 });
    const seconds = (performance.now() - started) / 1000;
    // What the Sync status page and the case files read to show a problem.
    const shown = (await syncStatus(database.db, { syncIntervalS: 60, activityWindowDays: windowDays }, Date.now(), { withSize: false })).lastError;
    const crawled = result.outcome === "finished" ? result.crawled : 0;
    const sessions = result.outcome === "finished" ? `${result.entries.toLocaleString("en")} sessions` : "their sessions";
    const outcome =
      result.outcome === "finished"
        ? `${crawled} of ${events} events crawled`
        : result.outcome === "failed"
          ? `pass failed: ${result.message}`
          : `pass ${result.outcome}`;
    return [
      {
        name: `activity sync, one pass over ${events.toLocaleString("en")} live events and ${sessions} within Sendbird's rate limits (client throttle on)`,
        value: `${(crawled / seconds).toFixed(1)} events/s (${seconds.toFixed(1)} s), ${refused.length} requests refused, ${outcome}, ${shown ? `error shown: ${shown.message}` : "no error shown"}`,
        budget: "zero errors shown",
        ok: result.outcome === "finished" && crawled === events && shown === null && refused.length === 0,
        row: "crawl",
      },
    ];
  } finally {
    await database.close();
    child.proc.kill();
  }
}
