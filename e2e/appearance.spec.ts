// The main pages as pictures, at a phone's width (390 px), a laptop's (1280) and a wide screen's (1920), in
// the light and the dark theme, compared with the baselines kept beside this file. What changes from run
// to run (times, counts, ids, charts, a list's rows) is masked: its box still counts, its contents do not,
// so a difference is a change of layout, colour or type. The boxes whose height follows the data (the
// cards on air, a case file's entries) get a fixed height while the picture is taken (e2e/appearance.css). The simulator is
// paused meanwhile.
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { demo, signIn } from "./auth";
import { expect, test } from "./fixtures";
import { emulator, master } from "./requests";
import { e2e } from "./servers";

const widths = [390, 1280, 1920] as const;
const schemes = ["light", "dark"] as const;

/** The parts of a page that differ from run to run. */
const changing = (page: Page) => [
  page.locator("main tbody"),
  page.locator("main figure"),
  page.locator("main .font-mono"),
  page.locator("main .tabular-nums"),
  page.locator("main [role='status']"),
  page.locator("main [data-slot='fetched']"),
  page.locator("main [aria-label='Events on air']"),
  page.getByRole("region", { name: "Case file timeline" }),
];

test.describe("appearance", () => {
  let pages: { name: string; path: string }[] = [];

  test.beforeAll(async ({ request }) => {
    await emulator(request, "PUT", "/__emulator/settings", { simulator: false });
    const ended = await emulator<{ live_events: { live_event_id: string }[] }>(request, "GET", "/v1/live-events?state=ended&limit=100");
    // The oldest ended event of the demo world: nothing the other specs do changes it.
    const event = ended.live_events[ended.live_events.length - 1]?.live_event_id;
    expect(event, "the demo world has an ended event").toBeTruthy();
    // A user of its own, whom the simulator never picks: a case file with nothing in it but its frame.
    const user = "appearance-casey";
    const made = await request.post(`${e2e.emulatorURL}/v3/users`, { headers: master, data: { user_id: user, nickname: "Casey Appearance", profile_url: "" } });
    expect([200, 400], await made.text()).toContain(made.status());
    pages = [
      { name: "overview", path: "/" },
      { name: "live-events", path: "/live-events" },
      { name: "live-event", path: `/live-events/${encodeURIComponent(event ?? "")}` },
      { name: "case-file", path: `/users/${user}?range=30d` },
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
          await expect.soft(page, `${name} at ${width} px, ${scheme}`).toHaveScreenshot(`${name}-${width}-${scheme}.png`, {
            mask: changing(page),
            stylePath: join(import.meta.dirname, "appearance.css"),
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
