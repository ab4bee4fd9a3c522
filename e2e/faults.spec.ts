// The main pages under emulator faults (2 s latency, 500s, a storm of 429s, dropped connections), all open
// at once in tabs of one browser: each says what went wrong in plain words and recovers on "Try again".
// Then a write interrupted by a fault: done or not done, never half, and the audit trail says which it knows.
import type { Page } from "@playwright/test";
import { demo, signIn } from "./auth";
import { expect, intendFaults, test } from "./fixtures";
import { emulator } from "./requests";
import { sampleIds } from "./routes";
import type { Ids } from "./routes";

/** The console's main pages, each with what shows once its data is in. */
const mainPages = (ids: Ids): { url: string; loaded: (page: Page) => Promise<void> }[] => {
  // Nine tabs load at once, each with its client retries; on a busy two-core machine that takes its time.
  const loaded = { timeout: 20_000 };
  const rows = (page: Page) => expect(page.locator("tbody tr").first()).toBeVisible(loaded);
  return [
    { url: "/", loaded: (page) => expect(page.getByText("Live events by state", { exact: true })).toBeVisible(loaded) },
    { url: "/live-events?limit=10", loaded: rows },
    { url: `/live-events/${ids.liveEvent}`, loaded: (page) => expect(page.getByText("Participants", { exact: true }).first()).toBeVisible(loaded) },
    { url: "/users?limit=10", loaded: rows },
    { url: `/users/${encodeURIComponent(ids.user)}`, loaded: (page) => expect(page.getByText("Profile", { exact: true }).first()).toBeVisible(loaded) },
    { url: "/calls?limit=10", loaded: rows },
    { url: `/calls/${ids.call}`, loaded: (page) => expect(page.getByText("How it ended", { exact: true }).first()).toBeVisible(loaded) },
    { url: "/calls/rooms", loaded: rows },
    { url: "/tokens", loaded: (page) => expect(page.getByText(/\d+ of 10 slots used/)).toBeVisible(loaded) },
  ];
};

const faults = [
  { name: "500s", fault: { status: 500 }, says: /Sendbird had a problem/ },
  { name: "a storm of 429s", fault: { status: 429, code: 429100, retry_after: 1 }, says: /Rate limited/ },
  { name: "dropped connections", fault: { drop: true }, says: /API unreachable/ },
] as const;

test.describe("the main pages under faults", () => {
  // The browser logs every failed read these faults cause.
  test.beforeEach(() => intendFaults(/status of (429|5\d\d) /, /net::ERR_(EMPTY_RESPONSE|CONNECTION_RESET|CONNECTION_CLOSED)/));
  let ids: Ids;
  test.beforeAll(async ({ request }) => {
    ids = await sampleIds(request);
  });
  test.afterEach(async ({ request }) => {
    await emulator(request, "DELETE", "/__emulator/faults");
  });

  for (const { name, fault, says } of faults) {
    test(`${name}: every main page says so in plain words, and "Try again" brings it back`, async ({ page, request }) => {
      test.setTimeout(90_000);
      await signIn(page, demo.admin);
      // Every read fails, the first try and the client's retries alike, until the fault is lifted.
      await emulator(request, "POST", "/__emulator/faults", { method: "GET", path: "/*", ...fault });
      const tabs = await Promise.all(mainPages(ids).map(async (main) => ({ main, tab: await page.context().newPage() })));
      await Promise.all(
        tabs.map(async ({ main, tab }) => {
          await tab.goto(main.url);
          await expect(tab.getByText(says).first(), main.url).toBeVisible({ timeout: 45_000 });
          // The overview may first show what it read before the fault (its on-air board then says so at its next refresh).
          await expect(tab.getByRole("button", { name: "Try again" }).first(), main.url).toBeVisible({ timeout: 45_000 });
        }),
      );
      await emulator(request, "DELETE", "/__emulator/faults");
      await Promise.all(
        tabs.map(async ({ main, tab }) => {
          await tab.getByRole("button", { name: "Try again" }).first().click();
          await main.loaded(tab);
          // No read failure is left; a case file may still say, truly, that the background sync met the fault.
          await expect(tab.getByRole("button", { name: "Try again" }), main.url).toHaveCount(0);
          await tab.close();
        }),
      );
    });
  }

  test("2 s latency on every read: every main page still shows its data, and no error", async ({ page, request }) => {
    test.setTimeout(90_000);
    await signIn(page, demo.admin);
    await emulator(request, "POST", "/__emulator/faults", { method: "GET", path: "/*", latency_ms: 2000 });
    await Promise.all(
      mainPages(ids).map(async (main) => {
        const tab = await page.context().newPage();
        await tab.goto(main.url, { timeout: 60_000 });
        await main.loaded(tab);
        await expect(tab.getByRole("button", { name: "Try again" }), main.url).toHaveCount(0);
        await tab.close();
      }),
    );
  });
});

test.describe("a write interrupted by a fault", () => {
  test.afterEach(async ({ request }) => {
    await emulator(request, "DELETE", "/__emulator/faults");
  });

  test("is done or not done, never half; the page says which it knows and the audit trail records it", async ({ page, request }) => {
    test.setTimeout(60_000);
    const { users } = await emulator<{ users: { user_id: string }[] }>(request, "GET", "/v3/users?limit=2");
    const [caller, callee] = users;
    const { call } = await emulator<{ call: { call_id: string } }>(request, "POST", "/__emulator/direct-calls", {
      caller_id: caller?.user_id,
      callee_id: callee?.user_id,
      end_result: "completed",
      duration: 60_000,
      custom_items: { queue: "billing" },
    });
    const items = async () =>
      (await emulator<{ call: { custom_items: Record<string, string> } }>(request, "GET", `/v1/direct_calls/${call.call_id}`)).call.custom_items;
    const audit = async () =>
      (await (await page.request.get(`/api/audit?action=direct_call.custom_items.update`)).json()) as {
        rows: { targetId: string; outcome: string; message: string | null }[];
      };
    /** Opens the editor, sets the values of the rows shown and maybe adds one, and saves. */
    const save = async (values: string[], add?: [string, string]) => {
      await page.getByRole("button", { name: "Edit custom items" }).click();
      for (const [i, value] of values.entries()) await page.getByLabel(`Value ${i + 1}`, { exact: true }).fill(value);
      if (add) {
        await page.getByRole("button", { name: "Add item" }).click();
        await page.getByLabel(`Key ${values.length + 1}`, { exact: true }).fill(add[0]);
        await page.getByLabel(`Value ${values.length + 1}`, { exact: true }).fill(add[1]);
      }
      await page.getByRole("button", { name: "Save custom items" }).click();
    };

    await signIn(page, demo.admin);
    await page.goto(`/calls/${call.call_id}`);

    // Refused outright (a storm of 429s outlasting the client's waits): nothing was changed, and the page says so plainly.
    await emulator(request, "POST", "/__emulator/faults", {
      method: "PUT",
      path: `/v1/direct_calls/${call.call_id}/custom_items`,
      status: 429,
      code: 429100,
      retry_after: 1,
    });
    await save(["sales"], ["ticket", "T-1"]);
    await expect(page.getByText(/Rate limited/).first()).toBeVisible({ timeout: 15_000 });
    expect(await items()).toEqual({ queue: "billing" });

    // The answer is lost after Sendbird made the change: the page says it may have been made; it was, whole.
    await emulator(request, "DELETE", "/__emulator/faults");
    await emulator(request, "POST", "/__emulator/faults", {
      method: "PUT",
      path: `/v1/direct_calls/${call.call_id}/custom_items`,
      drop: true,
      after: true,
      count: 1,
    });
    await page.reload();
    await save(["support"], ["ticket", "T-2"]);
    await expect(page.getByText(/may or may not have been made/).first()).toBeVisible({ timeout: 15_000 });
    expect(await items()).toEqual({ queue: "support", ticket: "T-2" });
    await page.reload();
    await expect(page.getByLabel("Custom items", { exact: true })).toContainText("T-2");

    // Sendbird fails before making it: the same honest message, and nothing changed.
    await emulator(request, "POST", "/__emulator/faults", { method: "PUT", path: `/v1/direct_calls/${call.call_id}/custom_items`, status: 500, count: 1 });
    await page.reload();
    await save(["refunds", "T-3"]);
    await expect(page.getByText(/may or may not have been made/).first()).toBeVisible({ timeout: 15_000 });
    expect(await items()).toEqual({ queue: "support", ticket: "T-2" });

    const rows = (await audit()).rows.filter((r) => r.targetId === call.call_id);
    expect(rows.map((r) => r.outcome)).toEqual(["unknown", "unknown", "failure"]);
    expect(rows[0]?.message).toMatch(/Not confirmed by Sendbird/);
  });
});
