// The bundle the container image runs (`.next/standalone`, made by `npm run build`), started as the
// Dockerfile starts it: `node server.js` in a copy outside the project, so no module can come from the
// project's node_modules, with only the settings given (and NODE_ENV=production, as the image sets). Once on the embedded database in emulator mode (the
// image's default), once on Postgres in sendbird mode (as compose.yaml runs it, here against the e2e
// emulator). Each signs in, answers both health checks, logs one JSON object a line, and serves metrics to
// the holder of its token.
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { defaultMasterToken } from "@/lib/emulator/defaults";
import { signInFrom } from "../scripts/test/sign-in-request";
import { expect, test } from "./fixtures";
import { clusterDatabaseFile, e2e, logsDir } from "./servers";

const metricsToken = "e2e-metrics-token-e2e-metrics-token";
let bundle = "";

test.describe.configure({ mode: "serial", timeout: 120_000 });

test.beforeAll(() => {
  bundle = mkdtempSync(join(tmpdir(), "showrunner-bundle-"));
  cpSync(join(".next", "standalone"), bundle, { recursive: true });
});
test.afterAll(() => rmSync(bundle, { recursive: true, force: true }));

interface Running {
  url: string;
  /** Every line the server wrote to its output so far. */
  lines(): string[];
  /** SIGTERM, as `docker stop` sends; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Starts `node server.js` in the copy with exactly `env` (and PATH), and waits for its liveness check. */
async function startBundle(name: string, env: Record<string, string>): Promise<Running> {
  const child = spawn(process.execPath, ["server.js"], { cwd: bundle, env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", ...env } });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
  const url = `http://127.0.0.1:${env.PORT}`;
  const lines = () => output.split("\n").filter(Boolean);
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the bundle stopped while starting (exit code ${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) throw new Error(`the bundle did not answer within 90 s:\n${output}`);
    const answer = await fetch(`${url}/api/health/live`).catch(() => null);
    if (answer?.ok) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    lines,
    async stop() {
      child.kill("SIGTERM");
      const code = await exited;
      // For the secrets scan (e2e/secrets.spec.ts), with every other server's output.
      mkdirSync(logsDir, { recursive: true });
      writeFileSync(join(logsDir, `bundle-${name}.log`), output);
      return code;
    },
  };
}

/** The log lines, each parsed: the output has no line that is not one JSON object. */
function parsed(lines: string[]): Record<string, unknown>[] {
  return lines.map((line) => {
    expect(() => JSON.parse(line), `not a JSON line: ${line}`).not.toThrow();
    return JSON.parse(line) as Record<string, unknown>;
  });
}

async function checkHealth(url: string): Promise<void> {
  const live = await fetch(`${url}/api/health/live`);
  expect(live.status).toBe(200);
  expect(await live.json()).toEqual({ status: "ok", checks: { database: { ok: true, ms: expect.any(Number) } } });
  const ready = await fetch(`${url}/api/health/ready`);
  expect(ready.status).toBe(200);
  expect(await ready.json()).toMatchObject({ status: "ok", checks: { database: { ok: true }, sendbird: { ok: true } } });
}

/** Signs in, opens `page` as that account, and finds the request's log line by the id the answer carries. */
async function signInAndOpen(running: Running, email: string, password: string, page: string) {
  const signedIn = await signInFrom("127.0.0.1", running.url, email, password);
  expect(signedIn.error).toBe("");
  const answer = await fetch(`${running.url}${page}`, { headers: { cookie: signedIn.cookie }, redirect: "manual" });
  expect(answer.status, await answer.clone().text()).toBe(200);
  const requestId = answer.headers.get("x-request-id") ?? "";
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  const lineOf = () => parsed(running.lines()).find((l) => l.requestId === requestId && l.msg === "request");
  await expect.poll(lineOf).toBeTruthy();
  return { cookie: signedIn.cookie, line: lineOf() ?? {} };
}

async function checkMetrics(url: string): Promise<string> {
  expect((await fetch(`${url}/api/metrics`)).status).toBe(401);
  expect((await fetch(`${url}/api/metrics`, { headers: { authorization: "Bearer not-the-token-not-the-token" } })).status).toBe(401);
  const answer = await fetch(`${url}/api/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } });
  expect(answer.status).toBe(200);
  expect(answer.headers.get("content-type")).toContain("text/plain");
  const text = await answer.text();
  expect(text).toMatch(/^showrunner_http_requests_total\{method="GET",route="\/api\/health\/live",status="200"\} \d+$/m);
  expect(text).toMatch(/^showrunner_http_request_duration_seconds_bucket\{le="0\.1",method="POST",route="\/api\/auth\/\[\.\.\.nextauth\]"\} \d+$/m);
  expect(text).toMatch(/^showrunner_sendbird_calls_total\{endpoint="GET \/v\d\/[^"]+",outcome="ok"\} \d+$/m);
  expect(text).toMatch(/^showrunner_audit_rows_appended_total \d+$/m);
  for (const name of ["showrunner_sendbird_rate_limit_waits_total", "showrunner_activity_sync_lag_seconds", "process_resident_memory_bytes"]) {
    expect(text).toContain(`# TYPE ${name}`);
  }
  return text;
}

test("the bundle holds no dev dependency, no settings file and no source", () => {
  const devDependencies = Object.keys((JSON.parse(readFileSync("package.json", "utf8")) as { devDependencies: Record<string, string> }).devDependencies);
  const installed = readdirSync(join(bundle, "node_modules")).flatMap((entry) =>
    entry.startsWith("@") ? readdirSync(join(bundle, "node_modules", entry)).map((scoped) => `${entry}/${scoped}`) : [entry],
  );
  expect(installed.filter((name) => devDependencies.includes(name))).toEqual([]);
  expect(readdirSync(bundle).filter((entry) => entry.startsWith(".env"))).toEqual([]);
  expect(existsSync(join(bundle, "app"))).toBe(false);
  expect(existsSync(join(bundle, "server.js"))).toBe(true);
});

test("on the embedded database in emulator mode, `node server.js` signs in, answers its health checks, logs JSON and serves metrics", async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "showrunner-bundle-data-"));
  const running = await startBundle("embedded", { PORT: "3110", EMULATOR_PORT: "3111", DATA_DIR: dataDir, METRICS_TOKEN: metricsToken });
  try {
    await checkHealth(running.url);
    const { line } = await signInAndOpen(running, "admin@showrunner.local", "showrunner-demo", "/live-events");
    expect(line).toMatchObject({ level: "info", method: "GET", route: "/live-events", path: "/live-events", status: 200, role: "admin" });
    expect(line.accountId).toEqual(expect.any(String));
    expect(line.durationMs).toEqual(expect.any(Number));
    expect(new Date(String(line.time)).getTime()).not.toBeNaN();
    const detail = await fetch(`${running.url}/live-events/no-such-event`, {
      headers: { cookie: (await signInFrom("127.0.0.1", running.url, "admin@showrunner.local", "showrunner-demo")).cookie },
    });
    const detailId = detail.headers.get("x-request-id");
    await expect.poll(() => parsed(running.lines()).find((l) => l.requestId === detailId && l.msg === "request")?.route).toBe("/live-events/[liveEventId]");
    await checkMetrics(running.url);
  } finally {
    expect(await running.stop()).toBe(0);
  }
  const output = running.lines().join("\n");
  parsed(running.lines());
  // The demo password, the session secret and the emulator's master token are never written.
  for (const secret of ["showrunner-demo", readFileSync(join(dataDir, "nextauth-secret"), "utf8").trim(), defaultMasterToken, metricsToken]) {
    expect(output).not.toContain(secret);
  }
  // The demo world was kept at the stop, for the next start.
  expect(existsSync(join(dataDir, "emulator-world.json"))).toBe(true);
  rmSync(dataDir, { recursive: true, force: true });
});

test("on Postgres in sendbird mode, `node server.js` signs in, answers its health checks, logs JSON and serves metrics", async () => {
  const server = readFileSync(clusterDatabaseFile, "utf8").trim();
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query("drop database if exists showrunner_bundle");
  await admin.query("create database showrunner_bundle");
  await admin.end();
  const databaseUrl = server.replace(/\/[^/]*$/, "/showrunner_bundle");
  const dataDir = mkdtempSync(join(tmpdir(), "showrunner-bundle-data-"));
  const owner = { email: "bundle@e2e.test", password: "e2e-bundle-password" };
  const secret = "e2e-bundle-secret-e2e-bundle-secret-0000";
  const running = await startBundle("postgres", {
    PORT: "3112",
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    SENDBIRD_APP_ID: "e2e-bundle",
    SENDBIRD_API_TOKEN: defaultMasterToken,
    SENDBIRD_CALLS_API_URL: `${e2e.emulatorURL}/v1`,
    SENDBIRD_CHAT_API_URL: `${e2e.emulatorURL}/v3`,
    NEXTAUTH_SECRET: secret,
    SHOWRUNNER_ADMIN_EMAIL: owner.email,
    SHOWRUNNER_ADMIN_PASSWORD: owner.password,
    METRICS_TOKEN: metricsToken,
    // The main e2e console already crawls and samples the shared emulator.
    SHOWRUNNER_SYNC_INTERVAL_S: "0",
    SHOWRUNNER_SAMPLE_INTERVAL_S: "0",
  });
  try {
    await checkHealth(running.url);
    const { line } = await signInAndOpen(running, owner.email, owner.password, "/users");
    expect(line).toMatchObject({ route: "/users", status: 200, role: "admin" });
    expect(parsed(running.lines())).toContainEqual(expect.objectContaining({ msg: "console listening", mode: "sendbird", database: "postgres" }));
    await checkMetrics(running.url);
  } finally {
    expect(await running.stop()).toBe(0);
  }
  const output = running.lines().join("\n");
  parsed(running.lines());
  for (const value of [owner.password, secret, defaultMasterToken, metricsToken, databaseUrl]) expect(output).not.toContain(value);
  rmSync(dataDir, { recursive: true, force: true });
});
