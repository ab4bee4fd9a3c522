import { expect, test } from "@playwright/test";
import { demo, signIn } from "./auth";

test.describe("the live-events list", () => {
  test("filters by state in the URL, and a reload shows the same rows", async ({ page }) => {
    await signIn(page, demo.support);
    await page.goto("/live-events");
    await page.getByRole("checkbox", { name: "Ended" }).check();
    await page.getByLabel("Per page").selectOption("10");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/state=ended.*limit=10/);
    await expect(page.locator("tbody tr")).toHaveCount(10);
    await expect(page.locator("tbody tr").filter({ has: page.getByText("Ended", { exact: true }) })).toHaveCount(10);
    const ids = await page.locator("tbody td:first-child .font-mono").allTextContents();
    await page.reload();
    expect(await page.locator("tbody td:first-child .font-mono").allTextContents()).toEqual(ids);
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

  test("says plainly when there is no such event", async ({ page }) => {
    await signIn(page, demo.support);
    await page.goto("/live-events/no-such-event");
    await expect(page.getByRole("alert").filter({ hasText: "Not found" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
  });
});
