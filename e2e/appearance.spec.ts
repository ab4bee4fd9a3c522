// The main pages as pictures, at a phone's width (390 px), a laptop's (1280) and a wide screen's (1920), in
// the light and the dark theme, compared with the baselines kept beside this file. What changes from run
// to run (times, counts, ids, charts, a list's rows) is masked: its box still counts, its contents do not,
// so a difference is a change of layout, colour or type. The simulator is paused meanwhile.
import type { Page } from "@playwright/test";
import { demo, signIn } from "./auth";
import { expect, test } from "./fixtures";
import { emulator } from "./requests";

const widths = [390, 1280, 1920] as const;
const schemes = ["light", "dark"] as const;

/** The parts of a page that differ from run to run. */
const changing = (page: Page) => [
  page.locator("main tbody"),
  page.locator("main svg"),
  page.locator("main .font-mono"),
  page.locator("main .tabular-nums"),
  page.locator("main [role='status']"),
  page.locator("main [aria-label='Events on air']"),
  page.getByRole("region", { name: "Case file timeline" }),
];

test.describe("appearance", () => {
  let pages: { name: string; path: string }[] = [];

  test.beforeAll(async ({ request }) => {
    await emulator(request, "PUT", "/__emulator/settings", { simulator: false });
    const ended = await emulator<{ live_events: { live_event_id: string }[] }>(request, "GET", "/v1/live-events?state=ended&limit=100");
    const users = await emulator<{ users: { user_id: string }[] }>(request, "GET", "/v3/users?limit=1");
    // The oldest ended event of the demo world: nothing the other specs do changes it.
    const event = ended.live_events[ended.live_events.length - 1]?.live_event_id;
    const user = users.users[0]?.user_id;
    expect(event && user, "the demo world has an ended event and a user").toBeTruthy();
    pages = [
      { name: "overview", path: "/" },
      { name: "live-events", path: "/live-events" },
      { name: "live-event", path: `/live-events/${encodeURIComponent(event ?? "")}` },
      { name: "case-file", path: `/users/${encodeURIComponent(user ?? "")}?range=30d` },
      { name: "calls-overview", path: "/calls/overview" },
      { name: "tokens", path: "/tokens" },
    ];
  });

  test.afterAll(async ({ request }) => {
    await emulator(request, "PUT", "/__emulator/settings", { simulator: true });
  });

  for (const scheme of schemes) {
    test(`the main pages at 390, 1280 and 1920 px, ${scheme}`, async ({ page }) => {
      test.setTimeout(180_000);
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
      await signIn(page, demo.admin);
      for (const width of widths) {
        await page.setViewportSize({ width, height: 900 });
        for (const { name, path } of pages) {
          await page.goto(path);
          await page.waitForLoadState("networkidle");
          await expect(page, `${name} at ${width} px, ${scheme}`).toHaveScreenshot(`${name}-${width}-${scheme}.png`, {
            mask: changing(page),
            animations: "disabled",
            caret: "hide",
            maxDiffPixelRatio: 0.02,
            timeout: 15_000,
          });
        }
      }
    });
  }
});
