// The browser's polled reads: a hidden tab does not poll, Pause stops at once (a read under way included),
// a storm of 429s backs off and says so while the last data stays, and a click on a list row shows the
// page's skeleton at once while Sendbird takes 2 s to answer.
import type { Page } from "@playwright/test";
import { demo, signIn } from "./auth";
import { expect, intendFaults, test } from "./fixtures";
import { emulator } from "./requests";

/** Counts the page's requests to a route handler from now on. */
function countRequests(page: Page, path: string): { count: () => number } {
  let n = 0;
  page.on("request", (r) => {
    if (new URL(r.url()).pathname === path) n += 1;
  });
  return { count: () => n };
}

/** Makes the tab hidden or visible, as switching tabs or minimising the window does. */
async function setVisibility(page: Page, state: "hidden" | "visible"): Promise<void> {
  await page.evaluate((s) => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => s });
    Object.defineProperty(document, "hidden", { configurable: true, get: () => s === "hidden" });
    window.dispatchEvent(new Event("visibilitychange"));
  }, state);
}

const boardStatus = (page: Page) => page.getByRole("status").filter({ hasText: "on air · Fetched from Sendbird at" });

test.describe("the on-air board's refresh", () => {
  test.afterEach(async ({ request }) => {
    await emulator(request, "DELETE", "/__emulator/faults");
  });

  test("stops in a hidden tab and reads again when the tab is shown", async ({ page }) => {
    await signIn(page, demo.support);
    await page.goto("/live-events/live");
    await expect(boardStatus(page)).toContainText("refreshing every 5 s");
    const reads = countRequests(page, "/api/live-events/on-air");
    await expect.poll(reads.count, { timeout: 8_000 }).toBeGreaterThan(0);
    await setVisibility(page, "hidden");
    const before = reads.count();
    await page.waitForTimeout(11_000);
    expect(reads.count() - before).toBe(0);
    await setVisibility(page, "visible");
    await expect.poll(reads.count, { timeout: 3_000 }).toBeGreaterThan(before);
  });

  test("Pause stops it at once, dropping a read under way, and Resume starts it again", async ({ page, request }) => {
    await signIn(page, demo.support);
    await page.goto("/live-events/live");
    const fetched = (await boardStatus(page).textContent())?.match(/at (\d\d:\d\d:\d\d) UTC/)?.[1];
    // Sendbird now takes 4 s to list events: the next refresh is under way when Pause is clicked.
    await emulator(request, "POST", "/__emulator/faults", { method: "GET", path: "/v1/live-events", latency_ms: 4_000 });
    const reads = countRequests(page, "/api/live-events/on-air");
    const underWay = page.waitForRequest((r) => new URL(r.url()).pathname === "/api/live-events/on-air", { timeout: 10_000 });
    await underWay;
    const dropped = page.waitForEvent("requestfailed", { predicate: (r) => new URL(r.url()).pathname === "/api/live-events/on-air", timeout: 3_000 });
    await page.getByRole("button", { name: "Pause refresh" }).click();
    await dropped;
    await expect(boardStatus(page)).toContainText("refresh paused");
    const paused = reads.count();
    await page.waitForTimeout(11_000);
    expect(reads.count()).toBe(paused);
    // The answer that was on its way never landed.
    await expect(boardStatus(page)).toContainText(`at ${fetched} UTC`);
    await emulator(request, "DELETE", "/__emulator/faults");
    await page.getByRole("button", { name: "Resume refresh" }).click();
    await expect(boardStatus(page)).not.toContainText(`at ${fetched} UTC`, { timeout: 10_000 });
    await expect(boardStatus(page)).toContainText("refreshing every 5 s");
  });

  test("backs off under a storm of 429s, says so in plain words and keeps the last cards", async ({ page, request }) => {
    test.setTimeout(90_000);
    intendFaults(/status of 429 /);
    await signIn(page, demo.support);
    await page.goto("/live-events/live");
    const cards = page.getByRole("list", { name: "Events on air" }).getByRole("listitem");
    // Counted once the board has its cards, not while it still streams in.
    await expect(cards.first()).toBeVisible();
    const shown = await cards.count();
    await emulator(request, "POST", "/__emulator/faults", { method: "GET", path: "/v1/live-events", status: 429, code: 429100, retry_after: 1 });
    const reads = countRequests(page, "/api/live-events/on-air");
    const alert = page.getByRole("alert").filter({ hasText: "Sendbird is refusing more requests for now" });
    await expect(alert).toBeVisible({ timeout: 20_000 });
    await expect(alert).toContainText("Showing the last good data, fetched");
    await expect(alert).toContainText(/next try within \d+ s/);
    await expect(cards).toHaveCount(shown);
    // Every 5 s without the back-off: 6 reads in 30 s. Backing off (10 s, 20 s, …) it asks at most 4 times.
    const from = reads.count();
    await page.waitForTimeout(30_000);
    expect(reads.count() - from).toBeLessThanOrEqual(3);
    // Sendbird answers again: Pause and Resume read at once, and the alert goes.
    await emulator(request, "DELETE", "/__emulator/faults");
    await page.getByRole("button", { name: "Pause refresh" }).click();
    await page.getByRole("button", { name: "Resume refresh" }).click();
    await expect(alert).toHaveCount(0, { timeout: 10_000 });
  });
});

test.describe("after a click", () => {
  test.afterEach(async ({ request }) => {
    await emulator(request, "DELETE", "/__emulator/faults");
  });

  test("a list row shows the page's skeleton at once while Sendbird takes 2 s, then the page", async ({ page, request }) => {
    await signIn(page, demo.support);
    // Clicked once the page is interactive, as a person would (a click before hydration is a full page load).
    await page.goto("/live-events?limit=10", { waitUntil: "networkidle" });
    const link = page.locator("tbody tr").first().getByRole("link").first();
    await expect(link).toBeVisible();
    await emulator(request, "POST", "/__emulator/faults", { method: "GET", path: "/v1/live-events/*", latency_ms: 2_000 });
    await link.click();
    await expect(page.getByTestId("route-skeleton")).toBeVisible({ timeout: 1_000 });
    await expect(page.getByTestId("route-skeleton")).toHaveCount(0, { timeout: 15_000 });
    await expect(page.getByRole("heading", { name: "Participants" })).toBeVisible();
  });
});
