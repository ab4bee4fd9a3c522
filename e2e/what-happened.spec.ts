import { expect, test } from "./fixtures";
import { demo, signIn } from "./auth";
import { emulator } from "./requests";

const hour = 3_600_000;

test.describe("what happened to a user", () => {
  test("support answers 'the last 24 hours' with one click on a preset, reads the summary, links to an entry and exports one table", async ({
    page,
    request,
  }) => {
    const userId = `case-${Date.now()}`;
    await emulator(request, "POST", "/v3/users", { user_id: userId, nickname: "Case Study", profile_url: "" });
    const { users } = await emulator<{ users: { user_id: string }[] }>(request, "GET", "/v3/users?limit=1");
    const other = users[0]?.user_id ?? "";
    const now = Date.now();
    const call = (end_result: string, agoMs: number) =>
      emulator<{ call: { call_id: string } }>(request, "POST", "/__emulator/direct-calls", {
        caller_id: other,
        callee_id: userId,
        end_result,
        started_at: now - agoMs,
      });
    const dropped = (await call("connection_lost", 2 * hour)).call.call_id;
    const older = (await call("completed", 3 * 24 * hour)).call.call_id;

    await signIn(page, demo.support);
    await page.goto(`/users/${userId}`);
    const window = page.getByRole("navigation", { name: "Time window" });
    await expect(window.getByRole("link", { name: "All time" })).toHaveAttribute("aria-current", "true");
    await window.getByRole("link", { name: "24 hours" }).click();
    await expect(page).toHaveURL(/[?&]range=24h$/);
    const summary = page.getByLabel("Summary of the window");
    await expect(summary).toContainText("Direct calls1");
    await expect(summary).toContainText("1 dropped");
    await expect(summary).toContainText("Events watched0");
    const timeline = page.getByRole("region", { name: "Case file timeline" });
    await expect(timeline).toContainText(dropped);
    await expect(timeline).not.toContainText(older);
    await expect(page.getByText(/^Showing the last 24 hours, /)).toBeVisible();

    // Each entry's time links to it, and the link opens the case file on that entry.
    await timeline
      .getByRole("link", { name: /UTC: link to this entry$/ })
      .first()
      .click();
    await expect(page).toHaveURL(new RegExp(`range=24h#entry-call-${dropped}$`));
    await expect(page.locator(`[id="entry-call-${dropped}"]`)).toBeInViewport();

    await window.getByRole("link", { name: "7 days" }).click();
    await expect(page).toHaveURL(/[?&]range=7d$/);
    await expect(summary).toContainText("Direct calls2");
    await expect(summary).toContainText("1 dropped · 1 completed");

    // A custom range to the minute, typed in UTC with the viewer's own time beside it.
    const minute = (ms: number) => new Date(ms).toISOString().slice(0, 16);
    await page.getByLabel("From (UTC)").fill(minute(now - 3 * hour));
    await expect(page.getByLabel("Window", { exact: true })).toHaveValue("custom");
    await expect(page.getByText(/^Your time: /)).toBeVisible();
    await page.getByLabel("To (UTC)").fill(minute(now - hour));
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/range=custom&from=[\d-]+T[\d%A:]+&to=/);
    await expect(summary).toContainText("Direct calls1");
    await expect(timeline).toContainText(dropped);

    // A preset with dates is refused in plain words, and nothing is read.
    await page.goto(`/users/${userId}?range=24h&from=2026-11-01`);
    await expect(page.getByText("These filters cannot be applied")).toBeVisible();
    await expect(page.getByText(/A preset window ends now/)).toBeVisible();

    // The support bundle's CSV is one table, each time in ISO 8601 beside epoch ms.
    const csv = (await (await page.request.get(`/api/users/${userId}/bundle?format=csv&range=7d`)).text()).trimEnd().split("\r\n");
    expect(csv[0]).toMatch(/^kind,time,time_ms,summary,user_id,/);
    expect(csv.map((line) => line.split(",")[0])).toEqual(["kind", "profile", "call", "call"]);
    const [, iso, ms] = csv[2]?.split(",") ?? [];
    expect(new Date(iso ?? "").getTime()).toBe(Number(ms));
  });
});

test.describe("what happened in an event", () => {
  test("an ended event the console never saw live still names who could host it, in the list and on its page", async ({ page, request }) => {
    const { live_events: events } = await emulator<{
      live_events: { live_event_id: string; title: string; started_at: number | null; user_ids_for_host: string[] }[];
    }>(request, "GET", "/v1/live-events?state=ended&limit=100");
    const event = events.find((e) => e.started_at !== null && e.user_ids_for_host.length > 0);
    if (!event) throw new Error("the demo world has no ended event that went on air");
    const [candidate] = event.user_ids_for_host;
    await signIn(page, demo.support);
    await page.goto(`/live-events?ids=${event.live_event_id}`);
    const row = page.locator("tbody tr").filter({ hasText: event.title });
    await expect(row).toContainText(candidate ?? "");
    await expect(row.getByText(/\((candidates|seen by Showrunner)\)/)).toBeVisible();
    await row.getByRole("link").first().click();
    await expect(page.getByRole("heading", { name: "Hosts" })).toBeVisible();
    await expect(page.getByText(candidate ?? "").first()).toBeVisible();
  });

  test("an event is found by words of its title, in the list and in Jump to, and opened events come back first", async ({ page, request }) => {
    const word = `heron${Date.now().toString(36)}`;
    const title = `Morning ${word} session`;
    const { users } = await emulator<{ users: { user_id: string }[] }>(request, "GET", "/v3/users?limit=1");
    const made = await emulator<{ live_event: { live_event_id: string } }>(request, "POST", "/v1/live-events", {
      host_type: "single_host",
      user_ids_for_host: [users[0]?.user_id],
      title,
    });
    const id = made.live_event.live_event_id;

    await signIn(page, demo.support);
    // Opening the event shows it to the console's index (the sync would find it on its next pass).
    await page.goto(`/live-events/${id}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
    await page.waitForFunction((eventId) => window.localStorage.getItem("showrunner.recent")?.includes(eventId), id);
    await page.goto("/live-events");
    await page.getByLabel("Title contains").fill(word.toUpperCase());
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(new RegExp(`title=${word.toUpperCase()}`));
    await expect(page.getByRole("note")).toContainText("from the console's activity index");
    await expect(page.locator("tbody tr")).toHaveCount(1);
    await expect(page.locator("tbody tr")).toContainText(title);

    await page.goto("/users");
    await page.getByRole("button", { name: /Jump to/ }).click();
    const box = page.getByRole("combobox", { name: "Jump to a page, user, live event or call" });
    const options = page.getByRole("listbox", { name: "Matches" }).getByRole("option");
    // With nothing typed, what was opened lately comes first.
    await expect(options.first()).toContainText(title);
    await expect(options.first()).toContainText("Recent");
    await box.fill(word);
    await expect(options.first()).toContainText(title);
    // Pages by name, as the role may open them.
    await box.fill("audit");
    await expect(page.getByText("Nothing matches “audit”.")).toBeVisible();
    await box.fill("sync");
    await expect(options.first()).toContainText("Sync status");
    // Without recents, the title is found in the console's index.
    await box.press("Escape");
    await page.evaluate(() => window.localStorage.clear());
    await page.getByRole("button", { name: /Jump to/ }).click();
    await box.fill(word);
    await expect(options.filter({ hasText: "title matches" })).toContainText(title);
    await box.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/live-events/${id}$`));
  });
});
