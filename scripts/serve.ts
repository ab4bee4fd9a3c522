// The console's production server. scripts/build.ts bundles it as `server.js` in `.next/standalone`, the
// directory the container image holds and `npm start` runs: `node server.js`, with no dev dependency and no
// `next start`. It reads the settings, starts the emulator in emulator mode (its world kept in the data
// directory), and serves Next's request handler behind one step that decides who the client is (`next start`
// believes any X-Forwarded-For a client sends), gives each request an id, and logs and counts its answer.
import { existsSync, readFileSync } from "node:fs";
import { fork } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { secureCookies } from "@/lib/auth/cookies";
import { DataDirError, prepareDataDirFor } from "@/lib/db/data-dir";
import { createEmulator, serveEmulator } from "@/lib/emulator";
import { WorldFileError, keepWorld, loadWorld } from "@/lib/emulator/persist";
import { SettingsError, parseSettings } from "@/lib/env";
import type { Settings } from "@/lib/env";
import { isTrustedPeer, parseTrustedProxies, settleForwardedHeaders } from "@/lib/net/forwarded";
import { captureConsole, errorText, log } from "@/lib/observability/log";
import type { Level } from "@/lib/observability/log";
import { metrics } from "@/lib/observability/metrics";
import { requestIdFrom, withRequestContext } from "@/lib/observability/request-context";
import type { RequestContext } from "@/lib/observability/request-context";
import { routeNamerFor } from "@/lib/observability/routes";
import { loadSettingsFiles } from "./lib/env-files";

function die(message: string): never {
  log.error(message);
  process.exit(1);
}

const launchDir = process.cwd();
const bundleDir = dirname(fileURLToPath(import.meta.url));

// The settings files where the server was started (the project for `npm start`; none in the image), and a
// relative data directory from there too, before the server moves into its bundle as Next's does.
(process.env as Record<string, string>).NODE_ENV = "production";
loadSettingsFiles(launchDir);
process.env.DATA_DIR = resolve(launchDir, process.env.DATA_DIR?.trim() || "./.data");
process.chdir(bundleDir);
captureConsole();

function load(): Settings {
  try {
    const parsed = parseSettings(process.env);
    prepareDataDirFor(parsed);
    return parsed;
  } catch (err) {
    if (err instanceof SettingsError || err instanceof DataDirError) die(err.message);
    throw err;
  }
}

const settings = load();
const proxies = parseTrustedProxies(settings.trustedProxies);
const secure = secureCookies(settings.nextAuthUrl);
const insecureBehindHttps =
  `This console is reached over HTTPS, but NEXTAUTH_URL is ${settings.nextAuthUrl}, so its session cookies would not be Secure. ` +
  "Set NEXTAUTH_URL to the https:// address people open, and restart.";
let warned = false;

// The configuration Next wrote at build time: the bundle has no next.config.js to read.
const serverFiles = join(bundleDir, ".next", "required-server-files.json");
if (!existsSync(serverFiles)) die(`there is no build in ${bundleDir}: run \`npm run build\` and start .next/standalone/server.js.`);
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG ??= JSON.stringify(JSON.parse(readFileSync(serverFiles, "utf8")).config);

// Emulator mode: the emulator runs in a process of its own (this file again, with --emulator), on loopback,
// with its world kept beside the console's data. Two processes use two cores: the demo's pages never wait
// on the emulator's work, and the world is saved by the process that changes it.
const worldFile = join(settings.dataDir, "emulator-world.json");
if (process.argv[2] === "--emulator") {
  await runEmulator();
} else {
  const emulator = settings.mode === "emulator" ? await startEmulatorProcess() : null;
  await runConsole(emulator);
}

/** The emulator's process: serves until SIGINT or SIGTERM, or until the console that started it is gone. */
async function runEmulator(): Promise<void> {
  const core = createEmulator({ seed: 42, masterToken: settings.emulatorMasterToken, simulate: true });
  let kept: boolean;
  try {
    kept = loadWorld(core, worldFile);
  } catch (err) {
    if (err instanceof WorldFileError) die(err.message);
    throw err;
  }
  const world = keepWorld(core, worldFile);
  let running: Awaited<ReturnType<typeof serveEmulator>>;
  try {
    running = await serveEmulator(core, { port: settings.emulatorPort });
  } catch (err) {
    const busy = (err as NodeJS.ErrnoException).code === "EADDRINUSE";
    die(
      busy
        ? `port ${settings.emulatorPort} (the emulator) is already in use; stop what runs there or set EMULATOR_PORT.`
        : `the emulator did not start: ${errorText(err)}`,
    );
  }
  log.info("emulator started", { origin: running.origin, world: kept ? "kept" : "new (seed 42)", worldFile });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // The world first: whatever else happens while stopping, the demo world is on disk.
    world.stop();
    void running
      .close()
      .catch(() => undefined)
      .finally(() => process.exit(0));
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, stop);
  process.on("disconnect", stop);
  process.send?.("ready");
}

/** Starts the emulator's process and waits until it serves; a failure to start stops the console too. */
function startEmulatorProcess(): Promise<ChildProcess> {
  const child = fork(fileURLToPath(import.meta.url), ["--emulator"], { cwd: launchDir, env: process.env, stdio: ["ignore", "inherit", "inherit", "ipc"] });
  return new Promise((resolve) => {
    child.once("message", (message) => {
      if (message === "ready") resolve(child);
    });
    child.once("exit", (code) => die(`the emulator stopped while starting (exit code ${code ?? "?"}).`));
  });
}

async function runConsole(emulator: ChildProcess | null): Promise<void> {
  const app = next({ dev: false, dir: bundleDir, port: settings.port, customServer: true });
  const handle = app.getRequestHandler();
  await app.prepare();

  const routeOf = routeNamerFor(bundleDir);
  /** Routes polled by machines or fetched with every page: their lines are at debug, so info stays about people. */
  const quietRoutes = new Set(["/api/health", "/api/health/live", "/api/health/ready", "/api/metrics", "/_next/static", "/_next", "/icon.svg"]);
  const methods = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

  /** One log line and the metrics of one answered (or abandoned) request. */
  function answered(request: IncomingMessage, response: ServerResponse, context: RequestContext, startedAt: number) {
    const seconds = (performance.now() - startedAt) / 1000;
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    const route = routeOf(path);
    const method = request.method && methods.has(request.method) ? request.method : "OTHER";
    const status = response.writableFinished ? response.statusCode : 499;
    const m = metrics();
    m.httpRequests.inc({ method, route, status: String(status) });
    m.httpDuration.observe({ method, route }, seconds);
    const level: Level = status >= 500 ? "warn" : quietRoutes.has(route) ? "debug" : "info";
    log[level]("request", {
      method,
      route,
      path,
      status,
      durationMs: Math.round(seconds * 10_000) / 10,
      accountId: context.actor?.accountId,
      role: context.actor?.role,
      aborted: response.writableFinished ? undefined : true,
    });
  }

  const server = createServer((request, response) => {
    const startedAt = performance.now();
    const context: RequestContext = { id: requestIdFrom(request.headers["x-request-id"], isTrustedPeer(request.socket.remoteAddress, proxies)) };
    // The app reads the id from the request (its audit rows) and the client from the answer.
    request.headers["x-request-id"] = context.id;
    response.setHeader("x-request-id", context.id);
    response.once("close", () => answered(request, response, context, startedAt));
    const origin = settleForwardedHeaders(request, proxies);
    if (origin.https && !secure) {
      // Serving on would hand out session cookies a network observer could read: refuse, and say what to change.
      if (!warned) log.error(insecureBehindHttps);
      warned = true;
      response.writeHead(500, { "content-type": "text/plain; charset=utf-8" }).end(insecureBehindHttps);
      return;
    }
    withRequestContext(context, () => void handle(request, response));
  });
  server.once("error", (err: NodeJS.ErrnoException) => {
    die(
      err.code === "EADDRINUSE"
        ? `port ${settings.port} is already in use; stop what runs there or set PORT.`
        : `the console could not listen: ${errorText(err)}`,
    );
  });
  server.listen(settings.port, () => {
    log.info("console listening", {
      url: `http://localhost:${settings.port}`,
      mode: settings.mode,
      database: settings.databaseUrl ? "postgres" : "embedded",
      node: process.version,
    });
  });

  let stopping = false;
  function stop() {
    if (stopping) return;
    stopping = true;
    // Answers in flight get two seconds; a kept-alive idle connection does not hold the exit up.
    let exited = false;
    const exit = () => {
      if (exited) return;
      exited = true;
      // The emulator saves its world as it stops; the console waits for that (at most five seconds more).
      if (!emulator || emulator.exitCode !== null || emulator.signalCode !== null) process.exit(0);
      emulator.once("exit", () => process.exit(0));
      emulator.kill("SIGTERM");
      setTimeout(() => process.exit(0), 5_000).unref();
    };
    server.close(exit);
    server.closeIdleConnections();
    setTimeout(exit, 2_000).unref();
  }
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, stop);
  // An emulator that stops by itself (Ctrl-C reaches it too) stops the console; one that fails takes it down.
  emulator?.removeAllListeners("exit");
  emulator?.once("exit", (code) => {
    if (stopping) return;
    if (code === 0) return stop();
    log.error(`the emulator stopped (exit code ${code ?? "?"}); the console stops with it.`);
    process.exit(1);
  });
}
