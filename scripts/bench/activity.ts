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

/** Sendbird's published read budget as the client keeps to it: reads a second, per endpoint. */
const readsPerSecond = 8;

/**
 * What a sync pass costs on a bigger application: 3,000 live events of 500 participants each, then again
 * with nothing changed, then with one event of 100,000 participants on air (read once, then passed over
 * while its own answer stays the same). Measured without rate limits (at Sendbird's budget the first pass
 * alone would take most of an hour); each row gives the requests by endpoint and the least time they take
 * within the client's read budget.
 */
export async function syncPassCostFigures(): Promise<Figure[]> {
  const [events, participants, big] = [3000, 500, 100_000];
  const child = await startChild(["crawl", String(events), String(participants)], { stdin: true });
  const database = await openDatabase({ databaseUrl: null, dataDir: mkdtempSync(join(tmpdir(), "bench-pass-cost-")) });
  try {
    const base = `http://127.0.0.1:${child.port}`;
    const requests = new Map<string, number>();
    const client = createSendbirdClient({
      apiToken: defaultMasterToken,
      callsBaseUrl: `${base}/v1`,
      chatBaseUrl: `${base}/v3`,
      throttle: false,
      fetch: (input, init) => {
        const endpoint = new URL(input instanceof Request ? input.url : input).pathname.replace(/\/live-events\/[^/]+/, "/live-events/{id}");
        requests.set(endpoint, (requests.get(endpoint) ?? 0) + 1);
        return fetch(input, init);
      },
    });
    const pass = async (what: string): Promise<Figure> => {
      requests.clear();
      const started = performance.now();
      const result = await runPass({ db: database.db, client, windowMs: windowDays * 86_400_000 });
      const seconds = (performance.now() - started) / 1000;
      if (result.outcome !== "finished") throw new Error(`the pass ${what} did not finish: ${result.outcome === "failed" ? result.message : result.outcome}`);
      const total = [...requests.values()].reduce((a, b) => a + b, 0);
      const busiest = Math.max(0, ...requests.values());
      const byEndpoint = [...requests].map(([endpoint, n]) => `${endpoint} ${n.toLocaleString("en")}`).join(", ");
      return {
        name: `sync pass over ${events.toLocaleString("en")} live events × ${participants} participants, ${what}`,
        value: `${total.toLocaleString("en")} requests (${byEndpoint}); ${seconds.toFixed(1)} s without rate limits, at least ${formatDuration(busiest / readsPerSecond)} within ${readsPerSecond} reads a second; ${result.crawled.toLocaleString("en")} ${result.crawled === 1 ? "event" : "events"} read, ${result.entries.toLocaleString("en")} sessions recorded`,
        budget: "—",
        ok: true,
      };
    };
    const figures = [await pass("first pass"), await pass("a later pass, nothing changed")];
    const added = new Promise<void>((resolve) => child.proc.stdout?.once("data", () => resolve()));
    child.proc.stdin?.write(`big ${big}\n`);
    await added;
    figures.push(await pass(`a pass after an event of ${big.toLocaleString("en")} participants went on air`));
    figures.push(await pass(`the next pass, that event unchanged`));
    return figures;
  } finally {
    await database.close();
    child.proc.kill();
  }
}

function formatDuration(seconds: number): string {
  return seconds < 120 ? `${seconds.toFixed(0)} s` : `${(seconds / 60).toFixed(0)} min`;
}
