import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import autocannon from "autocannon";
import { defaultMasterToken } from "@/lib/emulator";
import type { Figure } from "./figure";

export interface Child {
  port: number;
  proc: ChildProcess;
}

export function startChild(args: string[], { stdin = false } = {}): Promise<Child> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ["--import", "tsx", "scripts/bench/servers.ts", ...args], { stdio: [stdin ? "pipe" : "ignore", "pipe", "inherit"] });
    proc.stdout?.once("data", (chunk: Buffer) => {
      try {
        resolve({ port: (JSON.parse(chunk.toString()) as { port: number }).port, proc });
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
    proc.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
  });
}

interface Load {
  rps: number;
  p99: number;
}

/** Loads one URL for `seconds`; `vary` makes every request a different query so no page cache can answer. */
async function load(url: string, headers: Record<string, string>, seconds: number, vary = false): Promise<Load> {
  let n = 0;
  const requests = vary
    ? [{ setupRequest: (req: autocannon.Request) => ({ ...req, path: `${req.path}&created_at_end_date=${4_000_000_000_000 + (n += 1)}` }) }]
    : undefined;
  const result = await autocannon({ url, headers, connections: 16, duration: seconds, ...(requests ? { requests } : {}) });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p99: result.latency.p99 };
}

function median(loads: Load[]): Load {
  const sorted = [...loads].sort((a, b) => a.rps - b.rps);
  return sorted[Math.floor(sorted.length / 2)] ?? { rps: 0, p99: 0 };
}

/**
 * Emulator throughput on GET /v1/live-events?limit=100 against a bare node:http server sending the same
 * bytes. Both run at once in their own processes and are measured in alternating rounds, so background
 * load hits both alike; the median round counts.
 */
export async function emulatorThroughput(rounds = 3, seconds = 3): Promise<Figure[]> {
  const path = "/v1/live-events?limit=100";
  const headers = { "api-token": defaultMasterToken, "content-type": "application/json" };
  const emulator = await startChild(["emulator"]);
  let bare: Child | undefined;
  try {
    const res = await fetch(`http://127.0.0.1:${emulator.port}${path}`, { headers });
    const body = Buffer.from(await res.arrayBuffer());
    bare = await startChild(["bare", body.toString("base64")]);
    const emuUrl = `http://127.0.0.1:${emulator.port}${path}`;
    const bareUrl = `http://127.0.0.1:${bare.port}${path}`;
    await load(emuUrl, headers, 1);
    await load(bareUrl, headers, 1);
    const emu: Load[] = [];
    const ref: Load[] = [];
    for (let i = 0; i < rounds; i += 1) {
      emu.push(await load(emuUrl, headers, seconds));
      ref.push(await load(bareUrl, headers, seconds));
    }
    const uncached = await load(emuUrl, headers, seconds, true);
    const e = median(emu);
    const r = median(ref);
    const ratio = e.rps / r.rps;
    const kb = (body.length / 1024).toFixed(0);
    return [
      {
        name: `emulator GET ${path} (${kb} KB), rate limits off`,
        value: `${e.rps.toFixed(0)} req/s, p99 ${e.p99} ms`,
        budget: "—",
        ok: true,
        row: "emulatorThroughput",
      },
      {
        name: "emulator, a different query every request (no page cache)",
        value: `${uncached.rps.toFixed(0)} req/s, p99 ${uncached.p99} ms`,
        budget: "—",
        ok: true,
      },
      { name: "bare node:http, same bytes", value: `${r.rps.toFixed(0)} req/s, p99 ${r.p99} ms`, budget: "—", ok: true, row: "emulatorThroughput" },
      { name: "emulator throughput / bare node:http", value: ratio.toFixed(2), budget: "≥ 0.50", ok: ratio >= 0.5, row: "emulatorThroughput" },
    ];
  } finally {
    emulator.proc.kill();
    bare?.proc.kill();
  }
}
