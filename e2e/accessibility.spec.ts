// Every page, as every role: axe-core finds no serious or critical violation, and Tab alone reaches every
// control on the page.
import { createRequire } from "node:module";
import type { Page } from "@playwright/test";
import type { AxeResults } from "axe-core";
import { roles } from "../lib/auth/roles";
import { demo, signIn } from "./auth";
import { expect, test } from "./fixtures";
import { inventory, isApi, sampleIds } from "./routes";
import type { Ids } from "./routes";

const axeSource = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

// axe is loaded into every page as it opens; the console's Content-Security-Policy (rightly) refuses scripts without its nonce.
test.use({ bypassCSP: true });
test.beforeEach(async ({ context }) => {
  await context.addInitScript({ path: axeSource });
});

/** The serious and critical violations axe finds on the page as it stands, one line each. */
async function violations(page: Page): Promise<string[]> {
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe.run(document, { resultTypes: ["violations"] }),
  );
  // A page axe found nothing to check on would prove nothing.
  expect(results.passes.length, page.url()).toBeGreaterThan(0);
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(" ")} — ${n.failureSummary?.split("\n")[1]?.trim() ?? v.help}`));
}

/**
 * Presses Tab from the top of the page once more than there are controls (focus passes the end and comes
 * back around), and returns the controls it never reached: visible links, buttons and fields that Tab should stop at. Widgets with a roving tab stop (tabs,
 * radio groups, menus) are reached by their one stop and moved within by arrow keys, as ARIA prescribes.
 */
async function unreachable(page: Page): Promise<string[]> {
  const count = await page.evaluate(() => {
    const selector = "a[href], button, input, select, textarea, summary, [tabindex]";
    let n = 0;
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      el.removeAttribute("data-kb");
      // checkVisibility: also what a closed <details> holds (its content is skipped, not removed).
      const hidden = el.closest("[inert], [aria-hidden='true']") !== null || !el.checkVisibility({ visibilityProperty: true });
      const disabled = (el as HTMLButtonElement).disabled === true;
      const roving = el.getAttribute("tabindex") === "-1" || (el instanceof HTMLInputElement && el.type === "radio" && !el.checked);
      if (hidden || disabled || roving || (el instanceof HTMLInputElement && el.type === "hidden")) continue;
      el.setAttribute("data-kb", String(n));
      n += 1;
    }
    (document.activeElement as HTMLElement | null)?.blur();
    return n;
  });
  await page.evaluate(() => {
    const w = window as unknown as { reachedByTab: string[] };
    w.reachedByTab = [];
    document.addEventListener("focusin", (e) => w.reachedByTab.push((e.target as HTMLElement).getAttribute("data-kb") ?? ""), { capture: true });
  });
  for (let i = 0; i < count + 20; i += 1) await page.keyboard.press("Tab");
  const reached = await page.evaluate(() => (window as unknown as { reachedByTab: string[] }).reachedByTab);
  return page.evaluate(
    (seen) =>
      [...document.querySelectorAll<HTMLElement>("[data-kb]")]
        .filter((el) => !seen.includes(el.getAttribute("data-kb") ?? ""))
        .map((el) => `${el.tagName.toLowerCase()} "${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40)}"`),
    reached,
  );
}

const pages = Object.entries(inventory).filter(([file, route]) => !isApi(file) && route.access !== "public" && route.access !== "signed-in");

/** Opens every console page and lists what is wrong: axe's serious and critical findings, and, if asked, controls Tab misses. */
async function everyPage(page: Page, ids: Ids, { keyboard }: { keyboard: boolean }): Promise<string[]> {
  const found: string[] = [];
  let refusalSeen = false;
  for (const [, route] of pages) {
    const url = route.url(ids);
    // The load event comes once the streamed page is complete; what a page fetches after that only refreshes it.
    const response = await page.goto(url);
    // The pages a role may not open are one page, "Not available to your role": checked once, when drawn.
    if (response?.status() === 403) {
      if (refusalSeen) continue;
      refusalSeen = true;
      await expect(page.getByRole("heading", { name: "Not available to your role" })).toBeVisible();
    }
    // Colours are judged once what animates has settled (buttons turn on at hydration without a fade).
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running" || a.effect?.getTiming().iterations === Infinity));
    found.push(...(await violations(page)).map((v) => `${url}: ${v}`));
    if (keyboard) found.push(...(await unreachable(page)).map((c) => `${url}: Tab never reaches ${c}`));
  }
  return found;
}

test.describe("accessibility", () => {
  let ids: Ids;
  test.beforeAll(async ({ request }) => {
    ids = await sampleIds(request);
  });

  test("sign-in: no serious violation, and every control reached by Tab", async ({ page }) => {
    await page.goto("/sign-in");
    expect(await violations(page)).toEqual([]);
    expect(await unreachable(page)).toEqual([]);
  });

  for (const role of roles) {
    test(`every page as ${role}: no serious violation, and every control reached by Tab`, async ({ page }) => {
      test.setTimeout(180_000);
      await signIn(page, demo[role]);
      expect(await everyPage(page, ids, { keyboard: true })).toEqual([]);
    });
  }

  test("in the dark theme too, as an admin", async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: "dark" });
    await signIn(page, demo.admin);
    await expect(page.locator("html")).toHaveClass(/\bdark\b/);
    expect(await everyPage(page, ids, { keyboard: false })).toEqual([]);
  });

  test("an action by keyboard alone: a dialog opens on Enter, takes focus, submits on Enter, and Escape closes the next one", async ({ page }) => {
    const name = `Keyboard view ${Date.now()}`;
    const inDialog = () => page.evaluate(() => document.activeElement?.closest("[role='dialog']") !== null);
    await signIn(page, demo.operator);
    await page.goto("/live-events?state=ended&limit=10");
    const views = page.getByRole("navigation", { name: "Saved views", exact: true });

    await views.getByRole("button", { name: "Save this view", exact: true }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("dialog")).toBeVisible();
    expect(await inDialog()).toBe(true);
    await page.getByRole("dialog").getByLabel("View name").focus();
    await page.keyboard.type(name);
    await page.keyboard.press("Enter");
    const link = views.getByRole("link", { name, exact: true });
    await expect(link).toHaveAttribute("aria-current", "page");

    await views.getByRole("button", { name: `Delete view ${name}`, exact: true }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("dialog")).toBeVisible();
    expect(await inDialog()).toBe(true);
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expect(link).toBeVisible();

    await views.getByRole("button", { name: `Delete view ${name}`, exact: true }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("dialog").getByRole("button", { name: "Delete view", exact: true }).focus();
    await page.keyboard.press("Enter");
    await expect(link).toHaveCount(0);
  });
});
