import http from "node:http";
import type { Browser, BrowserContext } from "@playwright/test";
import { defaultMasterToken } from "@/lib/emulator";
import { caseFileFigure } from "./case-file";
import { launchBrowser, signIn, startConsole, stop, waitFor } from "./console-process";
import { percentile } from "./figure";
import type { Figure } from "./figure";

const consolePort = 3300;
const emulatorPort = 8390;
const pages = [
  "/sign-in",
  "/",
  "/live-events",
  "/live-events/live",
  "/live-events/new",
  "/users",
  "/calls",
  "/calls/rooms",
  "/calls/overview",
  "/sync",
  "/settings",
  "/audit",
  "/account",
  "/tokens",
  "/no-such-page",
];

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** One GET over a kept-alive connection (node:http adds far less of its own time than fetch). */
function timeOne(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((done, fail) => {
    const started = performance.now();
    http
      .get(url, { agent, headers }, (res) => {
        res.resume();
        res.on("end", () => (res.statusCode === 200 ? done(performance.now() - started) : fail(new Error(`${url}: HTTP ${res.statusCode}`))));
      })
      .on("error", fail);
  });
}

/** Times `n` sequential GETs. */
async function timeRequests(url: string, headers: Record<string, string>, n: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i += 1) times.push(await timeOne(url, headers));
  return times;
}

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

const cookieOf = (state: StorageState) => state.cookies.map((c) => `${c.name}=${c.value}`).join("; ");

/**
 * A signed-in route handler (session, account check, permission, Sendbird call, DTO) against the same read
 * made directly, on a console doing nothing else: rate limits and the client's throttle off (waits are not
 * overhead), and so the activity sync and audience sampling off too, since unthrottled they would crawl
 * flat out beside the measurement, which no real console does. Warm both paths, then alternate rounds.
 */
async function handlerOverhead(): Promise<Figure> {
  const port = consolePort + 1;
  const emulatorAt = emulatorPort + 1;
  const child = startConsole(port, emulatorAt, { SHOWRUNNER_CLIENT_THROTTLE: "off", SHOWRUNNER_SYNC_INTERVAL_S: "0", SHOWRUNNER_SAMPLE_INTERVAL_S: "0" });
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/api/health`);
    const master = { "api-token": defaultMasterToken };
    await fetch(`http://127.0.0.1:${emulatorAt}/__emulator/settings`, { method: "PUT", headers: master, body: JSON.stringify({ rate_limits: false }) });
    const browser = await launchBrowser();
    const cookie = cookieOf(await signIn(browser, base).finally(() => browser.close()));
    const direct = `http://127.0.0.1:${emulatorAt}/v3/applications/api_tokens`;
    const viaConsole = `${base}/api/tokens`;
    await timeRequests(direct, master, 100);
    await timeRequests(viaConsole, { cookie }, 100);
    const d: number[] = [];
    const c: number[] = [];
    for (let round = 0; round < 5; round += 1) {
      d.push(...(await timeRequests(direct, master, 100)));
      c.push(...(await timeRequests(viaConsole, { cookie }, 100)));
    }
    const overhead = percentile(c, 50) - percentile(d, 50);
    return {
      name: "route handler overhead over a direct emulator call (signed-in GET /api/tokens vs GET /v3/applications/api_tokens)",
      value: `${overhead.toFixed(2)} ms p50 (${percentile(c, 50).toFixed(2)} vs ${percentile(d, 50).toFixed(2)} ms)`,
      budget: "≤ 5 ms p50",
      ok: overhead <= 5,
      row: "handlerOverhead",
    };
  } finally {
    await stop(child);
  }
}

/** The scripts (URL to compressed bytes) a fresh context loads for `path`, optionally holding back the router's prefetches. */
async function scriptsOf(browser: Browser, storageState: StorageState | undefined, url: string, holdPrefetches: boolean): Promise<Map<string, number>> {
  const context = await browser.newContext(storageState ? { storageState } : {});
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    const scripts = new Map<string, number>();
    const types = new Map<string, { type: string; url: string }>();
    cdp.on("Network.responseReceived", (e) => types.set(e.requestId, { type: e.type, url: e.response.url }));
    cdp.on("Network.loadingFinished", (e) => {
      const seen = types.get(e.requestId);
      if (seen?.type === "Script") scripts.set(seen.url, e.encodedDataLength);
    });
    if (holdPrefetches) await page.route("**/*", (route) => (route.request().headers()["next-router-prefetch"] ? route.abort() : route.continue()));
    await page.goto(url, { waitUntil: "networkidle" });
    return scripts;
  } finally {
    await context.close();
  }
}

const kbOf = (scripts: Map<string, number>) => [...scripts.values()].reduce((a, b) => a + b, 0) / 1024;

/** A page's JS with the router's prefetches of the pages it links to, which load once the browser is idle. */
async function withPrefetches(browser: Browser, storageState: StorageState, base: string, path: string): Promise<Figure> {
  const kb = kbOf(await scriptsOf(browser, storageState, base + path, false));
  return {
    name: `JS loaded by a fresh browser, ${path}, with the prefetches of the pages it links to`,
    value: `${kb.toFixed(0)} KB compressed`,
    budget: "—",
    ok: true,
  };
}

/** Starts the production console in emulator mode and measures page weight, LCP and route-handler overhead. */
export async function consoleFigures(): Promise<Figure[]> {
  // The client's throttle is off, so page loads measure the console rather than its waits for Sendbird's limits.
  const child = startConsole(consolePort, emulatorPort, { SHOWRUNNER_CLIENT_THROTTLE: "off" });
  const figures: Figure[] = [];
  let sessionCookie = "";
  // The scripts (by URL, with their compressed bytes) each console page loaded, for the baseline they share.
  const scriptsByPage: Map<string, number>[] = [];
  try {
    const base = `http://127.0.0.1:${consolePort}`;
    await waitFor(`${base}/api/health`);
    const browser = await launchBrowser();
    try {
      const storageState = await signIn(browser, base);
      // One event page too: the newest event on air.
      const onAir = (await (
        await fetch(`http://127.0.0.1:${emulatorPort}/v1/live-events?state=ongoing&limit=1`, { headers: { "api-token": defaultMasterToken } })
      ).json()) as { live_events: { live_event_id: string }[] };
      const eventPage = onAir.live_events[0] ? [`/live-events/${onAir.live_events[0].live_event_id}`] : [];
      // And one case file: the first user.
      const someone = (await (await fetch(`http://127.0.0.1:${emulatorPort}/v3/users?limit=1`, { headers: { "api-token": defaultMasterToken } })).json()) as {
        users: { user_id: string }[];
      };
      const caseFile = someone.users[0] ? [`/users/${encodeURIComponent(someone.users[0].user_id)}`] : [];
      // And one call page: the newest direct call.
      const calls = (await (
        await fetch(`http://127.0.0.1:${emulatorPort}/v1/direct_calls?limit=1`, { headers: { "api-token": defaultMasterToken } })
      ).json()) as { calls: { call_id: string }[] };
      const callPage = calls.calls[0] ? [`/calls/${calls.calls[0].call_id}`] : [];
      sessionCookie = cookieOf(storageState);
      for (const path of [...pages, ...eventPage, ...caseFile, ...callPage]) {
        // A fresh context: empty cache, only the session cookie. The page's own JS: the router's prefetches of
        // linked pages (which bring those pages' scripts once the browser is idle) are held back, and measured once below.
        const scripts = await scriptsOf(browser, path === "/sign-in" ? undefined : storageState, base + path, true);
        const kb = kbOf(scripts);
        figures.push({
          name: `JS loaded by a fresh browser, ${path}`,
          value: `${kb.toFixed(0)} KB compressed`,
          budget: "≤ 240 KB",
          ok: kb <= 240,
          row: "pageWeight",
        });
        if (path !== "/sign-in" && path !== "/no-such-page") scriptsByPage.push(scripts);
        const context = await browser.newContext(path === "/sign-in" ? {} : { storageState });
        const page = await context.newPage();
        const lcps: number[] = [];
        for (let i = 0; i < 5; i += 1) {
          await page.goto(base + path, { waitUntil: "networkidle" });
          lcps.push(
            await page.evaluate(
              () =>
                new Promise<number>((done) => {
                  new PerformanceObserver((list) => {
                    const entries = list.getEntries();
                    done(entries[entries.length - 1]?.startTime ?? 0);
                  }).observe({ type: "largest-contentful-paint", buffered: true });
                  setTimeout(() => done(-1), 3000);
                }),
            ),
          );
        }
        const lcp = percentile(lcps, 50);
        figures.push({
          name: `largest contentful paint, warm, ${path}`,
          value: `${lcp.toFixed(0)} ms (median of 5)`,
          budget: "≤ 500 ms",
          ok: lcp >= 0 && lcp <= 500,
          row: "paint",
        });
        await context.close();
      }
      figures.push(await withPrefetches(browser, storageState, base, "/live-events"));
    } finally {
      await browser.close();
    }
    const [first, ...rest] = scriptsByPage;
    if (first) {
      const shared = [...first].filter(([url]) => rest.every((m) => m.has(url)));
      figures.push({
        name: "JS every console page loads (the shared baseline: framework, shell, TanStack Query)",
        value: `${(shared.reduce((a, [, b]) => a + b, 0) / 1024).toFixed(0)} KB compressed in ${shared.length} scripts`,
        budget: "—",
        ok: true,
      });
    }
    const master = { "api-token": defaultMasterToken };
    await fetch(`http://127.0.0.1:${emulatorPort}/__emulator/settings`, { method: "PUT", headers: master, body: JSON.stringify({ rate_limits: false }) });
    const signedInHeaders = { cookie: sessionCookie };
    // The list pages rendered on the server with 100 rows, to the last streamed byte.
    for (const [list, path] of [
      ["live-events", "/live-events?limit=100"],
      ["direct-calls", "/calls?limit=100"],
    ] as const) {
      await timeRequests(base + path, signedInHeaders, 5);
      const renders = await timeRequests(base + path, signedInHeaders, 40);
      figures.push({
        name: `${list} list page, server render with 100 rows (signed in, whole streamed response)`,
        value: `${percentile(renders, 50).toFixed(0)} ms p50, ${percentile(renders, 95).toFixed(0)} ms p95`,
        budget: "—",
        ok: true,
      });
    }
    figures.push(await caseFileFigure({ consoleBase: base, emulatorBase: `http://127.0.0.1:${emulatorPort}`, master, cookie: sessionCookie }));
  } finally {
    await stop(child);
  }
  figures.push(await handlerOverhead());
  return figures;
}
