import { expect, test } from "./fixtures";
import { defaultMasterToken } from "../lib/emulator/emulator";
import { demo, signIn } from "./auth";
import { e2e } from "./servers";

test.describe("the live-events list", () => {
  test("filters by state in the URL, and a reload shows the same rows", async ({ page }) => {
    await signIn(page, demo.support);
    await page.goto("/live-events");
    await page.getByRole("checkbox", { name: "Ended" }).check();
    await page.locator("summary", { hasText: "More filters" }).click();
    await page.getByLabel("Per page").selectOption("10");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/state=ended.*limit=10/);
    await expect(page.locator("tbody tr")).toHaveCount(10);
    await expect(page.locator("tbody tr").filter({ has: page.getByText("Ended", { exact: true }) })).toHaveCount(10);
    const ids = await page.locator("tbody td:first-child .font-mono").allTextContents();
    await page.reload();
    await expect(page.locator("tbody td:first-child .font-mono")).toHaveText(ids);
  });

  test("shows each filter in the address as a chip that removes it, and keeps the rarely used ones behind More filters", async ({ page }) => {
    await signIn(page, demo.support);
    await page.goto("/live-events?state=ended&state=ready&type=video&limit=10");
    const chips = page.getByRole("list", { name: "Active filters" });
    await expect(chips.getByRole("link")).toHaveText([
      "Remove the filter State: Ended",
      "Remove the filter State: Ready",
      "Remove the filter Type: Video",
      "Clear all",
    ]);
    await expect(page.getByLabel("Created from (UTC)")).toBeHidden();
    await chips.getByRole("link", { name: "Remove the filter State: Ended" }).click();
    await expect(page).toHaveURL(/\/live-events\?state=ready&type=video&limit=10$/);
    await expect(page.getByRole("checkbox", { name: "Ended" })).not.toBeChecked();
    await page.getByRole("link", { name: "Clear all" }).click();
    await expect(page).toHaveURL(/\/live-events$/);
    await expect(page.getByRole("list", { name: "Active filters" })).toHaveCount(0);
  });

  test("pages forward and back with Sendbird's page tokens", async ({ page }) => {
    await signIn(page, demo.operator);
    await page.goto("/live-events?state=ended&limit=10");
    const first = await page.locator("tbody td:first-child .font-mono").allTextContents();
    await page.getByRole("link", { name: "Next" }).click();
    await expect(page).toHaveURL(/next=/);
    await expect(page.locator("tbody td:first-child .font-mono").first()).not.toHaveText(first[0] ?? "");
    await page.getByRole("link", { name: "Previous" }).click();
    await expect(page.locator("tbody td:first-child .font-mono")).toHaveText(first);
  });

  test("shows on-air events with a pausable 5-second refresh", async ({ page }) => {
    await signIn(page, demo.support);
    await page.goto("/live-events?state=ongoing");
    await expect(page.getByRole("status").filter({ hasText: "refresh every 5 s" })).toBeVisible();
    await page.getByRole("button", { name: "Pause refresh" }).click();
    await expect(page.getByRole("status").filter({ hasText: "refresh paused" })).toBeVisible();
  });

  test("explains filters it cannot apply, and its handler answers 400", async ({ page }) => {
    await signIn(page, demo.support);
    await page.goto("/live-events?state=paused&createdFrom=yesterday");
    await expect(page.getByText("These filters cannot be applied")).toBeVisible();
    const answer = await page.request.get("/api/live-events?limit=7");
    expect(answer.status()).toBe(400);
    expect((await answer.json()).error.code).toBe("invalid_query");
  });

  test("its route handler wants a session", async ({ request }) => {
    const answer = await request.get("/api/live-events");
    expect(answer.status()).toBe(401);
  });
});

test.describe("a live event's page", () => {
  test("opens from the list with its timeline, hosts, participants and Sendbird's object", async ({ page }) => {
    await signIn(page, demo.support);
    await page.goto("/live-events?state=ongoing&limit=10");
    const first = page.locator("tbody tr").first().getByRole("link");
    const title = (await first.textContent()) ?? "";
    await first.click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
    await expect(page.getByRole("list", { name: "Timeline" }).getByText("Started")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Hosts" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Participants" })).toBeVisible();
    await page.getByText("Sendbird's object (credentials removed)").click();
    await expect(page.locator("pre")).toContainText('"live_event_id"');
    await expect(page.locator("pre")).not.toContainText("stream_key");
  });

  test("links each participant to their case file, and opening it is audited", async ({ page }) => {
    await signIn(page, demo.support);
    await page.goto("/live-events?state=ongoing&limit=10");
    await page.locator("tbody tr").first().getByRole("link").click();
    const participants = page.getByRole("heading", { name: "Participants" }).locator("xpath=ancestor::*[@data-slot='card'][1]");
    const userId = (await participants.locator("tbody tr").first().locator(".font-mono").first().textContent()) ?? "";
    await participants.locator("tbody tr").first().getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`/users/${encodeURIComponent(userId)}$`));
    await expect(page.getByRole("heading", { name: "Profile" })).toBeVisible();
    await expect(page.getByText(userId, { exact: false }).first()).toBeVisible();
    const admin = await (await page.context().browser()?.newContext())?.newPage();
    if (!admin) throw new Error("no second browser context");
    await signIn(admin, demo.admin);
    await admin.goto(`/audit?action=user.view_case_file&actor=support`);
    await expect(admin.getByRole("row").filter({ hasText: userId }).first()).toBeVisible();
    await admin.context().close();
  });

  test("answers 404 for an id Sendbird does not know, for events, calls, rooms and users alike", async ({ page }) => {
    await signIn(page, demo.support);
    for (const [path, what, list] of [
      ["/live-events/no-such-event", "Live event", "Search the live events list"],
      ["/calls/no-such-call", "Direct call", "Search the calls list"],
      ["/calls/rooms/no-such-room", "Room", "Search the rooms list"],
      ["/users/no%20such%20user", "User", "Search the users list"],
    ] as const) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${what} not found`);
      await expect(page.getByRole("main")).toContainText(`with the id ${decodeURIComponent(path.split("/").pop() ?? "")}.`);
      // Trying again would not help: the way on is the list. The console's frame is drawn once.
      await expect(page.getByRole("button", { name: "Try again" })).toHaveCount(0);
      await expect(page.getByRole("link", { name: list })).toBeVisible();
      await expect(page.getByRole("navigation", { name: "Sections" })).toHaveCount(1);
    }
  });
});

test.describe("operating a live event", () => {
  test("set ready, start, edit and end it with typed confirmation, each in the audit trail", async ({ page, request }) => {
    const created = await request.post(`${e2e.emulatorURL}/v1/live-events`, {
      headers: { "Api-Token": defaultMasterToken, "content-type": "application/json" },
      data: { host_type: "single_host", user_ids_for_host: ["e2e-host"], title: `E2E launch ${Date.now()}` },
    });
    expect(created.status()).toBe(200);
    const { live_event: event } = (await created.json()) as { live_event: { live_event_id: string; title: string } };
    await signIn(page, demo.operator);
    await page.goto(`/live-events/${event.live_event_id}`);
    await page.getByRole("button", { name: "Set ready" }).click();
    await expect(page.getByRole("heading", { level: 1 }).getByText("Ready")).toBeVisible();
    await page.getByRole("button", { name: "Start" }).click();
    await expect(page.getByRole("heading", { level: 1 }).getByText("On air")).toBeVisible();
    await page.getByRole("button", { name: "Edit", exact: true }).click();
    await page.getByLabel("Title").fill(`${event.title} (live)`);
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`${event.title} (live)`);
    await page.getByRole("button", { name: "End event" }).click();
    await page.getByLabel("Event title or id").fill("not the title");
    await page.getByRole("dialog").getByRole("button", { name: "End event" }).click();
    await expect(page.getByText(`Type "${event.title} (live)" to end this event.`)).toBeVisible();
    await page.getByLabel("Event title or id").fill(`${event.title} (live)`);
    await page.getByRole("dialog").getByRole("button", { name: "End event" }).click();
    await expect(page.getByRole("heading", { level: 1 }).getByText("Ended")).toBeVisible();
    await expect(page.getByRole("button", { name: "End event" })).toHaveCount(0);

    const admin = await (await page.context().browser()?.newContext())?.newPage();
    if (!admin) throw new Error("no second browser context");
    await signIn(admin, demo.admin);
    await admin.goto(`/audit?target=${event.live_event_id}`);
    for (const action of ["live_event.set_ready", "live_event.start", "live_event.update", "live_event.end"]) {
      await expect(admin.getByRole("row").filter({ hasText: action }).filter({ hasText: "success" })).toHaveCount(1);
    }
    await expect(admin.getByRole("row").filter({ hasText: "live_event.end" }).filter({ hasText: "failure" })).toHaveCount(1);
    await admin.context().close();
  });

  test("support sees the event but no way to change it", async ({ page }) => {
    await signIn(page, demo.support);
    await page.goto("/live-events?state=ongoing&limit=10");
    await page.locator("tbody tr").first().getByRole("link").click();
    await expect(page.getByRole("heading", { name: "Hosts" })).toBeVisible();
    for (const name of ["Set ready", "Start", "Edit", "End event", "Edit custom items", "Copy to S3"])
      await expect(page.getByRole("button", { name })).toHaveCount(0);
  });
});

test.describe("on air", () => {
  test("shows one card per event on air with its audience and host state, refreshing", async ({ page }) => {
    await signIn(page, demo.support);
    await page.goto("/live-events");
    await page.getByRole("link", { name: "What is on air now" }).click();
    const cards = page.getByRole("list", { name: "Events on air" }).getByRole("listitem");
    await expect(cards.first()).toBeVisible();
    await expect(cards.first()).toContainText("watching · peak");
    await expect(cards.first().getByText(/Host streaming|No host streaming/)).toBeVisible();
    const status = page.getByRole("status").filter({ hasText: "on air · Fetched from Sendbird at" });
    const fetched = (await status.textContent())?.match(/at (\d\d:\d\d:\d\d) UTC/)?.[1];
    await expect(status).not.toContainText(`at ${fetched} UTC`, { timeout: 12_000 });
    await page.getByRole("button", { name: "Pause refresh" }).click();
    await expect(page.getByRole("status").filter({ hasText: "refresh paused" })).toBeVisible();
  });

  test("its route handler wants a session", async ({ request }) => {
    expect((await request.get("/api/live-events/on-air")).status()).toBe(401);
  });
});
