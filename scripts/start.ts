// npm start: checks the settings and the data directory, builds the console when the build is missing or
// stale, starts the emulator (emulator mode, its world kept in the data directory) and the console, prints a
// banner, and stops both on Ctrl-C. `npm start -- --start-over` begins again with a new demo world and empty
// console data (emulator mode, embedded database only).
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { createServer } from "node:net";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { DataDirError, databaseSubdir, prepareDataDirFor } from "@/lib/db/data-dir";
import { createEmulator, serveEmulator } from "@/lib/emulator";
import { WorldFileError, keepWorld, loadWorld } from "@/lib/emulator/persist";
import { SettingsError, parseSettings } from "@/lib/env";
import type { Settings } from "@/lib/env";
import { buildIsStale, recordBuild, sourceDigest } from "./lib/build-state";
import { loadSettingsFiles } from "./lib/env-files";

function die(message: string): never {
  console.error(`showrunner: ${message}`);
  process.exit(1);
}

function load(): Settings {
  try {
    const parsed = parseSettings(process.env);
    // Before the build and the emulator, so an unsafe data directory stops start-up at once.
    prepareDataDirFor(parsed);
    return parsed;
  } catch (err) {
    if (err instanceof SettingsError || err instanceof DataDirError) die(err.message);
    throw err;
  }
}

function portFree(port: number, host?: string): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer();
    probe.once("error", () => done(false));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => done(true)));
  });
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((done) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.once("exit", (code) => done(code ?? 1));
  });
}

async function waitUntilUp(url: string, child: { exitCode: number | null }, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) die(`the console stopped while starting (exit code ${child.exitCode}).`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(2_000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  die(`the console did not answer at ${url} within ${timeoutMs / 1000} s.`);
}

let startOver = false;
try {
  startOver = parseArgs({ options: { "start-over": { type: "boolean", default: false } } }).values["start-over"];
} catch (err) {
  die(`${err instanceof Error ? err.message : String(err)} (npm start takes only --start-over).`);
}

// The settings files first, as the server will read them: the banner and the server then agree.
const settingsFiles = loadSettingsFiles();
const settings = load();
const dataDir = resolve(settings.dataDir);
const worldFile = join(dataDir, "emulator-world.json");

if (startOver) {
  if (settings.mode !== "emulator") die("--start-over is for emulator mode only: it would not touch a real Sendbird application, and will not guess.");
  if (settings.databaseUrl)
    die("--start-over empties only the embedded database; this console's data is in Postgres (DATABASE_URL). Drop and re-create that database instead.");
  rmSync(worldFile, { force: true });
  rmSync(join(dataDir, databaseSubdir), { recursive: true, force: true });
  console.log(`showrunner: starting over: a new demo world, and no console data (accounts, audit trail, saved views, activity index) in ${dataDir}.`);
}
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXTAUTH_URL: settings.nextAuthUrl };

if (!(await portFree(settings.port))) die(`port ${settings.port} is already in use; stop what runs there or set PORT.`);
if (settings.mode === "emulator" && !(await portFree(settings.emulatorPort, "127.0.0.1"))) {
  die(`port ${settings.emulatorPort} (the emulator) is already in use; stop what runs there or set EMULATOR_PORT.`);
}

if (buildIsStale(process.cwd())) {
  console.log("showrunner: building the console (first start or sources changed)…");
  // The digest is taken before the build, so a source changed while it runs makes the next start build again.
  const digest = sourceDigest(process.cwd());
  const code = await run(process.execPath, [nextBin, "build"], env);
  if (code !== 0) die(`the build failed (exit code ${code}).`);
  recordBuild(process.cwd(), digest);
}

// The emulator's world lives beside the console's database, so the two agree after a restart.
let world: ReturnType<typeof keepWorld> | null = null;
let worldFrom = "";
const emulator = settings.mode === "emulator" ? await startEmulator() : null;

async function startEmulator() {
  const core = createEmulator({ seed: 42, masterToken: settings.emulatorMasterToken, simulate: true });
  try {
    worldFrom = loadWorld(core, worldFile) ? `kept in ${worldFile}` : `new (seed 42), kept in ${worldFile}`;
  } catch (err) {
    if (err instanceof WorldFileError) die(err.message);
    throw err;
  }
  world = keepWorld(core, worldFile);
  return serveEmulator(core, { port: settings.emulatorPort });
}

// scripts/serve.ts, not `next start`: it decides who each client is before Next reads a header.
const consoleProcess = spawn(process.execPath, ["--import", "tsx", resolve("scripts/serve.ts")], { stdio: ["ignore", "ignore", "inherit"], env });
let stopping = false;
async function stop(code: number): Promise<never> {
  stopping = true;
  // The world first: whatever else happens while stopping, the demo world is on disk.
  world?.stop();
  if (consoleProcess.exitCode === null) consoleProcess.kill("SIGTERM");
  await emulator?.close();
  process.exit(code);
}
consoleProcess.once("exit", (code) => {
  if (!stopping) {
    console.error(`showrunner: the console stopped (exit code ${code ?? "?"}).`);
    void stop(code ?? 1);
  }
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop(0));

const url = `http://localhost:${settings.port}`;
await waitUntilUp(`http://127.0.0.1:${settings.port}/api/health`, consoleProcess);
const data = settings.databaseUrl ? settings.databaseUrl.replace(/\/\/[^@/]*@/, "//…@") : resolve(settings.dataDir);
console.log(`
  Showrunner is running at ${url}

  Mode      ${settings.mode === "emulator" ? "emulator (demo data, nothing leaves this machine)" : `sendbird (application ${settings.appId})`}
  Sendbird  ${settings.callsBaseUrl}  ·  ${settings.chatBaseUrl}${
    emulator
      ? `\n  Emulator  ${emulator.origin}  (master token …${settings.emulatorMasterToken.slice(-4)}, see EMULATOR_MASTER_TOKEN; control plane at /__emulator)` +
        `\n  World     ${worldFrom}` +
        `\n  Reset     npm start -- --start-over  (a new demo world and empty console data)`
      : ""
  }
  Settings  ${settingsFiles.length > 0 ? `${settingsFiles.join(", ")} (a variable set in the environment wins)` : "the environment (no .env files)"}
  Data      ${data}${
    settings.mode === "emulator"
      ? `\n  Sign in   admin@showrunner.local, operator@showrunner.local or support@showrunner.local, with the demo password (README, or SHOWRUNNER_DEMO_PASSWORD if set)`
      : ""
  }

  Ctrl-C stops everything.
`);
