// How long `npm start` takes to serve: once building (a first start, or changed sources), and once again on
// the same sources and data, which must not build.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startConsole, stop } from "./console-process";
import type { Figure } from "./figure";

const port = 3390;
const emulatorAt = 8490;

/** Starts the console and times it until its banner says it is running; then stops it. */
async function timedStart(dataDir: string): Promise<{ ms: number; built: boolean }> {
  const started = performance.now();
  const child = startConsole(port, emulatorAt, { SHOWRUNNER_SYNC_INTERVAL_S: "0", SHOWRUNNER_SAMPLE_INTERVAL_S: "0" }, { dataDir, stdout: "pipe" });
  try {
    let output = "";
    await new Promise<void>((done, fail) => {
      child.stdout?.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("Showrunner is running at")) done();
      });
      child.once("exit", (code) => fail(new Error(`npm start stopped (exit code ${code}) before it was running`)));
    });
    return { ms: performance.now() - started, built: output.includes("building the console") };
  } finally {
    await stop(child);
  }
}

export async function startUpFigures(): Promise<Figure[]> {
  const dataDir = mkdtempSync(join(tmpdir(), "bench-start-"));
  // Forget which sources the build was made from: the next start builds, as a first start does.
  rmSync(join(".next", "showrunner-sources.sha256"), { force: true });
  const first = await timedStart(dataDir);
  const again = await timedStart(dataDir);
  return [
    {
      name: "first start of npm start (builds, then serves)",
      value: `${(first.ms / 1000).toFixed(1)} s${first.built ? "" : " (did not build)"}`,
      budget: "—",
      ok: first.built,
    },
    {
      name: "restart of npm start with nothing changed (no build)",
      value: `${(again.ms / 1000).toFixed(1)} s${again.built ? " (built again)" : ""}`,
      budget: "—",
      ok: !again.built,
    },
  ];
}
