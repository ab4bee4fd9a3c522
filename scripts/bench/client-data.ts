// The browser side's budgets: the first visible change after a click on a list row with 2 s Sendbird latency,
// the on-air board's Sendbird reads with 1 and with 10 viewers, and a hidden tab's reads.
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { defaultMasterToken } from "@/lib/emulator";
import { launchBrowser, signIn, startConsole, stop, waitFor } from "./console-process";
import { percentile } from "./figure";
import type { Figure } from "./figure";

const consolePort = 3310;
const emulatorPort = 8410;
const metricsToken = "bench-metrics-token-0123456789abcdef";
const master = { "api-token": defaultMasterToken, "content-type": "application/json" };

/** Sendbird reads of `GET /v1/live-events` the console has made, from its metrics. */
async function listReads(base: string): Promise<number> {
  const text = await (await fetch(`${base}/api/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } })).text();
  let total = 0;
  for (const m of text.matchAll(/^showrunner_sendbird_calls_total\{endpoint="GET \/v1\/live-events",[^}]*\} (\d+)$/gm)) total += Number(m[1]);
  return total;
}

async function fault(emulatorBase: string, body: unknown | null): Promise<void> {
  const response = await fetch(
    `${emulatorBase}/__emulator/faults`,
    body === null ? { method: "DELETE", headers: master } : { method: "POST", headers: master, body: JSON.stringify(body) },
  );
  if (!response.ok) throw new Error(`emulator faults: HTTP ${response.status}`);
}

/** Opens the on-air board in `n` fresh browser contexts (each its own tab and query client). */
async function viewers(
  browser: Browser,
  storageState: Awaited<ReturnType<BrowserContext["storageState"]>>,
  base: string,
  n: number,
): Promise<BrowserContext[]> {
  const contexts: BrowserContext[] = [];
  for (let i = 0; i < n; i += 1) {
    const context = await browser.newContext({ storageState });
    const page = await context.newPage();
    await page.goto(`${base}/live-events/live`);
    contexts.push(context);
  }
  return contexts;
}

/** Clicks the first row of the live-events list `n` times and times each click to the skeleton (and to the page). */
async function clickToSkeleton(page: Page, base: string, n: number): Promise<{ skeleton: number[]; data: number[] }> {
  const skeleton: number[] = [];
  const data: number[] = [];
  for (let i = 0; i < n; i += 1) {
    await page.goto(`${base}/live-events?limit=10`, { waitUntil: "networkidle" });
    const link = page
      .locator("tbody tr")
      .nth(i % 5)
      .getByRole("link")
      .first();
    await link.waitFor();
    // The time is taken in the page, from the click event itself (not from when the bench asked for it): the
    // first frame with the skeleton, then the first without it and with the page's data. A script string, so
    // the page runs exactly this (no helpers of the bench's own compiler).
    const timed = page.evaluate(`new Promise((done) => {
      let t0 = -1;
      let first = -1;
      const check = () => {
        const now = performance.now();
        if (first < 0 && document.querySelector("[data-testid=route-skeleton]")) first = now - t0;
        const loaded = !document.querySelector("[data-testid=route-skeleton]") && [...document.querySelectorAll("h2")].some((h) => h.textContent === "Participants");
        if (loaded) done([first < 0 ? now - t0 : first, now - t0]);
        else requestAnimationFrame(check);
      };
      document.addEventListener("click", (e) => { t0 = e.timeStamp; requestAnimationFrame(check); }, { capture: true, once: true });
    })`) as Promise<[number, number]>;
    await link.click();
    const [toSkeleton, toData] = await timed;
    skeleton.push(toSkeleton);
    data.push(toData);
  }
  return { skeleton, data };
}

export async function clientDataFigures(): Promise<Figure[]> {
  const figures: Figure[] = [];
  // Sampling and the sync off: the Sendbird reads counted are the board's alone.
  const child = startConsole(consolePort, emulatorPort, {
    SHOWRUNNER_CLIENT_THROTTLE: "off",
    SHOWRUNNER_SYNC_INTERVAL_S: "0",
    SHOWRUNNER_SAMPLE_INTERVAL_S: "0",
    METRICS_TOKEN: metricsToken,
  });
  const base = `http://127.0.0.1:${consolePort}`;
  const emulatorBase = `http://127.0.0.1:${emulatorPort}`;
  try {
    await waitFor(`${base}/api/health`);
    await fetch(`${emulatorBase}/__emulator/settings`, { method: "PUT", headers: master, body: JSON.stringify({ rate_limits: false }) });
    const browser = await launchBrowser();
    try {
      const storageState = await signIn(browser, base);

      // Reads per minute of the on-air board, with 1 viewer, then 10.
      const perMinute: Record<number, number> = {};
      for (const n of [1, 10]) {
        const contexts = await viewers(browser, storageState, base, n);
        await new Promise((r) => setTimeout(r, 6_000));
        const before = await listReads(base);
        await new Promise((r) => setTimeout(r, 60_000));
        perMinute[n] = (await listReads(base)) - before;
        for (const c of contexts) await c.close();
      }
      const one = perMinute[1] ?? 0;
      const ten = perMinute[10] ?? 0;
      figures.push({
        name: "Sendbird reads per minute of the on-air board (GET /v1/live-events), 1 viewer vs 10 viewers",
        value: `${one} vs ${ten}`,
        budget: "equal",
        ok: ten <= one,
        row: "onAirViewers",
      });

      // A hidden tab for 60 s.
      const context = await browser.newContext({ storageState });
      const page = await context.newPage();
      await page.goto(`${base}/live-events/live`);
      let asked = 0;
      page.on("request", (r) => {
        if (new URL(r.url()).pathname.startsWith("/api/")) asked += 1;
      });
      await page.evaluate(`Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
        window.dispatchEvent(new Event("visibilitychange"));`);
      const hiddenBefore = await listReads(base);
      await new Promise((r) => setTimeout(r, 60_000));
      const hiddenReads = (await listReads(base)) - hiddenBefore;
      figures.push({
        name: "a hidden on-air board for 60 s: requests to the console, Sendbird reads",
        value: `${asked} requests, ${hiddenReads} reads`,
        budget: "no reads",
        ok: asked === 0 && hiddenReads === 0,
        row: "hiddenTab",
      });

      // A click on a list row with 2 s latency on every Sendbird read.
      await fault(emulatorBase, { method: "GET", path: "/v1/*", latency_ms: 2_000 });
      await page.evaluate(`Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "visible" });
        window.dispatchEvent(new Event("visibilitychange"));`);
      const { skeleton, data } = await clickToSkeleton(page, base, 10);
      await fault(emulatorBase, null);
      figures.push({
        name: "click on a live-events row to the first visible change (the page's skeleton), 2 s latency on every Sendbird read",
        value: `${percentile(skeleton, 50).toFixed(0)} ms p50, ${percentile(skeleton, 95).toFixed(0)} ms p95 (10 clicks); the page's data at ${percentile(data, 50).toFixed(0)} ms p50`,
        budget: "≤ 100 ms p50",
        ok: percentile(skeleton, 50) <= 100,
        row: "clickFeedback",
      });
      await context.close();
    } finally {
      await browser.close();
    }
  } finally {
    await fault(emulatorBase, null).catch(() => undefined);
    await stop(child);
  }
  return figures;
}
