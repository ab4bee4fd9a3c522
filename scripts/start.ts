// npm start: checks the settings and the data directory, builds the console when the build is missing or
// stale (scripts/build.ts), starts its server from the bundle as the container image does (`node
// .next/standalone/server.js`, with the emulator inside it in emulator mode), prints a banner, and stops it
// on Ctrl-C. `npm start -- --start-over` begins again with a new demo world and empty
// console data (emulator mode, embedded database only).
import { spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { DataDirError, databaseSubdir, prepareDataDirFor } from "@/lib/db/data-dir";
import { SettingsError, parseSettings } from "@/lib/env";
import type { Settings } from "@/lib/env";
import { bundleDir, buildConsole } from "./build";
import { buildIsStale } from "./lib/build-state";
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
// The server is told the data directory as this launcher resolved it, whatever directory it runs from.
const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXTAUTH_URL: settings.nextAuthUrl, DATA_DIR: dataDir };

if (!(await portFree(settings.port))) die(`port ${settings.port} is already in use; stop what runs there or set PORT.`);
if (settings.mode === "emulator" && !(await portFree(settings.emulatorPort, "127.0.0.1"))) {
  die(`port ${settings.emulatorPort} (the emulator) is already in use; stop what runs there or set EMULATOR_PORT.`);
}

if (buildIsStale(process.cwd())) {
  console.log("showrunner: building the console (first start or sources changed)…");
  try {
    await buildConsole(process.cwd(), env);
  } catch (err) {
    die(err instanceof Error ? err.message : String(err));
  }
}

// The emulator runs inside the server (emulator mode); its world is kept beside the console's database.
const worldFrom = existsSync(worldFile) ? `kept in ${worldFile}` : `new (seed 42), kept in ${worldFile}`;

// The bundle the container image runs, started the same way: `node server.js`.
const consoleProcess = spawn(process.execPath, [resolve(bundleDir, "server.js")], { stdio: ["ignore", "inherit", "inherit"], env });
let stopping = false;
function stop(code: number): void {
  stopping = true;
  if (consoleProcess.exitCode !== null) process.exit(code);
  // The server saves the demo world and closes the emulator before it exits.
  consoleProcess.once("exit", () => process.exit(code));
  consoleProcess.kill("SIGTERM");
}
consoleProcess.once("exit", (code) => {
  if (!stopping) {
    console.error(`showrunner: the console stopped (exit code ${code ?? "?"}).`);
    process.exit(code ?? 1);
  }
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => stop(0));

const url = `http://localhost:${settings.port}`;
await waitUntilUp(`http://127.0.0.1:${settings.port}/api/health/live`, consoleProcess);
const data = settings.databaseUrl ? settings.databaseUrl.replace(/\/\/[^@/]*@/, "//…@") : resolve(settings.dataDir);
console.log(`
  Showrunner is running at ${url}

  Mode      ${settings.mode === "emulator" ? "emulator (demo data, nothing leaves this machine)" : `sendbird (application ${settings.appId})`}
  Sendbird  ${settings.callsBaseUrl}  ·  ${settings.chatBaseUrl}${
    settings.mode === "emulator"
      ? `\n  Emulator  http://127.0.0.1:${settings.emulatorPort}  (master token …${settings.emulatorMasterToken.slice(-4)}, see EMULATOR_MASTER_TOKEN; control plane at /__emulator)` +
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
