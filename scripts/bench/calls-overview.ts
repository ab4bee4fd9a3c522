// The calls overview of a busy application: 300,000 direct calls in 30 days, behind Sendbird's published
// rate limits and read through the client's own throttle, as the console runs. The first load counts every
// call; a later one reads only the calls started since.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadCallsOverview } from "@/lib/calls/overview";
import { openDatabase } from "@/lib/db";
import { defaultMasterToken } from "@/lib/emulator";
import { createSendbirdClient } from "@/lib/sendbird/client";
import { startChild } from "./emulator-throughput";
import type { Figure } from "./figure";

const calls = 300_000;

export async function callsOverviewFigures(): Promise<Figure[]> {
  const child = await startChild(["calls", String(calls)]);
  const database = await openDatabase({ databaseUrl: null, dataDir: mkdtempSync(join(tmpdir(), "bench-calls-")) });
  try {
    const base = `http://127.0.0.1:${child.port}`;
    let requests = 0;
    const client = createSendbirdClient({
      apiToken: defaultMasterToken,
      callsBaseUrl: `${base}/v1`,
      chatBaseUrl: `${base}/v3`,
      throttle: true,
      fetch: (input, init) => {
        requests += 1;
        return fetch(input, init);
      },
    });
    const timed = async () => {
      const [before, started] = [requests, performance.now()];
      const overview = await loadCallsOverview(client, database.db);
      return { seconds: (performance.now() - started) / 1000, requests: requests - before, overview };
    };
    const first = await timed();
    const later = await timed();
    const counted = first.overview.perDay.reduce((sum, d) => sum + d.total, 0);
    return [
      {
        name: `calls overview, first load of ${calls.toLocaleString("en")} calls in 30 days (client throttle on, Sendbird's rate limits)`,
        value: `${first.seconds.toFixed(1)} s, ${first.requests.toLocaleString("en")} requests, ${counted.toLocaleString("en")} calls counted`,
        budget: "—",
        ok: counted === first.overview.readNow && counted > 0,
      },
      {
        name: "calls overview, a later load (reads only the calls started since)",
        value: `${(later.seconds * 1000).toFixed(0)} ms, ${later.requests} request${later.requests === 1 ? "" : "s"}`,
        budget: "< 1 s",
        ok: later.seconds < 1,
      },
    ];
  } finally {
    child.proc.kill();
    await database.close();
  }
}
