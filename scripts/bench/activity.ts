import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runPass } from "@/lib/activity/crawler";
import { openDatabase } from "@/lib/db";
import { defaultMasterToken } from "@/lib/emulator";
import { createSendbirdClient } from "@/lib/sendbird/client";
import { startChild } from "./emulator-throughput";
import type { Figure } from "./figure";

const events = 240;

/**
 * One pass of the activity sync over 240 live events (with their hosts and participants) from an emulator
 * enforcing Sendbird's published rate limits, through the client's own budget, into an embedded database.
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
      fetch: async (input, init) => {
        const res = await fetch(input, init);
        if (!res.ok) refused.push(res.status);
        return res;
      },
    });
    const started = performance.now();
    const result = await runPass({ db: database.db, client, windowMs: 31 * 86_400_000 });
    const seconds = (performance.now() - started) / 1000;
    if (result.outcome !== "finished") throw new Error(`the pass did not finish: ${JSON.stringify(result)}`);
    return [
      {
        name: `activity sync, one pass over ${result.crawled} live events and ${result.entries.toLocaleString("en")} sessions within Sendbird's rate limits`,
        value: `${(result.crawled / seconds).toFixed(1)} events/s (${seconds.toFixed(1)} s), ${refused.length} requests refused, no error shown`,
        budget: "zero errors shown",
        ok: result.crawled === events,
      },
    ];
  } finally {
    await database.close();
    child.proc.kill();
  }
}
