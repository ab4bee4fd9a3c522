import { expect, test } from "./fixtures";
import type { Page } from "@playwright/test";
import { demo, signIn } from "./auth";
import { captureAction, emulator, hostOnAir, master, replayAction } from "./requests";
import { e2e } from "./servers";

async function auditRows(page: Page, target: string) {
  const admin = await (await page.context().browser()?.newContext())?.newPage();
  if (!admin) throw new Error("no second browser context");
  await signIn(admin, demo.admin);
  await admin.goto(`/audit?target=${encodeURIComponent(target)}`);
  return admin;
}

test.describe("creating and running a live event", () => {
  test("an admin creates one, puts it on air with a host and an audience, edits it and ends it, all audited", async ({ page, request }) => {
    test.setTimeout(120_000);
    const { users } = await emulator<{ users: { user_id: string; nickname: string }[] }>(request, "GET", "/v3/users?limit=5&active_mode=activated");
    const host = users.find((u) => u.nickname.length >= 3);
    if (!host) throw new Error("the demo world has no user with a nickname");
    const title = `E2E form launch ${Date.now()}`;

    await signIn(page, demo.admin);
    await page.goto("/live-events");
    await page.getByRole("link", { name: "New event" }).click();
    await expect(page.getByRole("heading", { name: "New live event" })).toBeVisible();

    // Limits are checked beside each field before anything is sent.
    await page.getByLabel("Title").fill("x".repeat(192));
    await page.getByLabel("Cover URL").fill("ftp://example.com/cover.png");
    await page.getByRole("button", { name: "Create event" }).click();
    await expect(page.getByText("A title is at most 191 characters.")).toBeVisible();
    await expect(page.getByText("Use an http(s) URL, or leave it empty.")).toBeVisible();
    await expect(page.getByText("Pick at least one host candidate.")).toBeVisible();

    // Each message goes as soon as its field holds; one still wrong keeps its message.
    await page.getByLabel("Title").fill(title);
    await expect(page.getByText("A title is at most 191 characters.")).toHaveCount(0);
    await expect(page.getByText("Use an http(s) URL, or leave it empty.")).toBeVisible();
    await page.getByLabel("Cover URL").fill("https://cdn.example.com/e2e.png");
    await expect(page.getByText("Use an http(s) URL, or leave it empty.")).toHaveCount(0);
    await page.getByLabel("Audio only").check();
    await page.getByLabel("Host candidates").fill(host.nickname.slice(0, 3));
    await page
      .getByRole("list", { name: "Matching users" })
      .getByRole("button", { name: new RegExp(`^${host.user_id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} `) })
      .click();
    await expect(page.getByRole("list", { name: "Chosen host candidates" })).toContainText(host.user_id);
    await expect(page.getByText("Pick at least one host candidate.")).toHaveCount(0);
    await page.getByRole("button", { name: "Create event" }).click();

    await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
    await expect(page.getByRole("heading", { level: 1 }).getByText("Created")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("audio-only");
    const id = page.url().split("/").pop() ?? "";

    // A double click sends one request: one success row, no refused second transition.
    await page.getByRole("button", { name: "Set ready" }).dblclick();
    await expect(page.getByRole("heading", { level: 1 }).getByText("Ready")).toBeVisible();
    await page.getByRole("button", { name: "Start" }).click();
    await expect(page.getByRole("heading", { level: 1 }).getByText("On air")).toBeVisible();

    // A host and an audience arrive through the emulator's control plane (what only the SDKs can do).
    await hostOnAir(request, id, host.user_id);
    await emulator(request, "POST", `/__emulator/live-events/${id}/participants/join`, { count: 7 });
    await page.reload();
    await expect(page.getByRole("heading", { name: "Hosts" }).locator("xpath=ancestor::*[@data-slot='card'][1]")).toContainText(host.user_id);
    // The demo simulator keeps audiences moving, so the exact numbers drift from the 7 who joined.
    await expect(
      page.getByRole("heading", { name: "Participants" }).locator("xpath=ancestor::*[@data-slot='card'][1]").locator("tbody tr").first(),
    ).toBeVisible();
    await expect(page.getByText("Watching now", { exact: true }).locator("..")).toContainText(/[1-9]/);
    await expect(async () => {
      await page.reload();
      await expect(page.getByRole("img", { name: /^People watching/ })).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 20_000 });

    // The demo simulator drops a host now and then: connect a dropped host again before each look.
    const keepStreaming = async () => {
      const { live_event } = await emulator<{ live_event: { hosts?: { host_id: string; state: string }[] } }>(request, "GET", `/v1/live-events/${id}`);
      for (const h of live_event.hosts ?? []) {
        if (h.state === "disconnected") await request.post(`${e2e.emulatorURL}/__emulator/live-events/${id}/hosts/${h.host_id}/connect`, { headers: master });
      }
    };
    await expect(async () => {
      await keepStreaming();
      await page.goto("/live-events/live");
      await expect(page.getByRole("list", { name: "Events on air" }).getByRole("listitem").filter({ hasText: title })).toContainText(
        /[1-9]\d* watching · peak \d+.*Host streaming/,
        { timeout: 2_000 },
      );
    }).toPass({ timeout: 20_000 });

    // Edit the event. Its custom items are the hosts' (Live SDK, here the control plane): shown, not edited.
    await emulator(request, "PUT", `/__emulator/live-events/${id}/custom-items`, { custom_items: { campaign: "autumn" } });
    await page.goto(`/live-events/${id}`);
    await page.getByRole("button", { name: "Edit", exact: true }).click();
    await page.getByLabel("Title").fill(`${title} (live)`);
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`${title} (live)`);
    await expect(page.getByLabel("Custom items", { exact: true })).toContainText("autumn");
    await expect(page.getByRole("button", { name: "Edit custom items" })).toHaveCount(0);

    // End with the typed title.
    await page.getByRole("button", { name: "End event" }).click();
    await page.getByLabel("Event title or id").fill(`${title} (live)`);
    await page.getByRole("dialog").getByRole("button", { name: "End event" }).click();
    await expect(page.getByRole("heading", { level: 1 }).getByText("Ended")).toBeVisible();
    // Each step names the console account that took it, from the audit trail.
    await expect(page.getByRole("list", { name: "Timeline" }).getByRole("listitem").filter({ hasText: "Ended" })).toContainText(`by ${demo.admin} (console)`);
    // Sendbird names no host of an ended event; the host the console saw on air is still named.
    await expect(page.getByText("Sendbird names no hosts once an event has ended.")).toBeVisible();
    await expect(page.getByRole("table", { name: "Hosts seen by the activity index" })).toContainText(host.user_id);
    await page.goto(`/live-events?ids=${encodeURIComponent(id)}`);
    const row = page.locator("tbody tr").filter({ hasText: title });
    await expect(row).toContainText(host.user_id);
    await expect(row).toContainText("(seen by Showrunner)");

    const admin = await auditRows(page, id);
    for (const action of ["live_event.create", "live_event.set_ready", "live_event.start", "live_event.update", "live_event.end"]) {
      await expect(admin.getByRole("row").filter({ hasText: action }).filter({ hasText: "success" })).toHaveCount(1);
    }
    await expect(admin.getByRole("row").filter({ hasText: "failure" })).toHaveCount(0);
    await admin.context().close();
  });

  test("support cannot open the create page, and a forged action call is refused", async ({ page, browser, request }) => {
    const created = await emulator<{ live_event: { live_event_id: string } }>(request, "POST", "/v1/live-events", {
      host_type: "single_host",
      user_ids_for_host: ["e2e-host"],
      title: `E2E forged ${Date.now()}`,
    });
    const id = created.live_event.live_event_id;

    // Capture the real "Set ready" call an operator's browser would make, without letting it through.
    await signIn(page, demo.operator);
    await page.goto(`/live-events/${id}`);
    const captured = await captureAction(page, `/live-events/${id}`);
    await page.getByRole("button", { name: "Set ready" }).click();
    const call = await captured();

    const support = await browser.newContext();
    const supportPage = await support.newPage();
    await signIn(supportPage, demo.support);
    const forbidden = await supportPage.goto("/live-events/new");
    expect(forbidden?.status()).toBe(403);
    expect(await replayAction(supportPage, call)).toContain("forbidden");
    await support.close();
    const event = await emulator<{ live_event: { state: string } }>(request, "GET", `/v1/live-events/${id}`);
    expect(event.live_event.state).toBe("created");
  });

  test("copies a completed recording to S3, with the keys sent once and recorded nowhere", async ({ page, request }) => {
    const created = await emulator<{ live_event: { live_event_id: string } }>(request, "POST", "/v1/live-events", {
      host_type: "single_host",
      user_ids_for_host: ["e2e-host"],
      title: `E2E recording ${Date.now()}`,
    });
    const id = created.live_event.live_event_id;
    const { recording } = await emulator<{ recording: { recording_id: string } }>(request, "POST", `/__emulator/live-events/${id}/recordings`, {
      status: "completed",
    });
    const secret = `E2eSecret/${Date.now()}+abcdefghijklmnop`;

    await signIn(page, demo.operator);
    await page.goto(`/live-events/${id}`);
    await page.getByRole("button", { name: `Copy recording ${recording.recording_id} to S3` }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Bucket").fill("Bad_Bucket");
    await dialog.getByLabel("Region").fill("mars-1");
    await dialog.getByLabel("Access key id").fill("AKIAE2E0000000000001");
    await dialog.getByLabel("Secret access key").fill(secret);
    await dialog.getByRole("button", { name: "Copy to S3" }).click();
    await expect(dialog.getByText(/Use lowercase letters, digits/)).toBeVisible();
    await expect(dialog.getByText(/Use an AWS region code/)).toBeVisible();
    await dialog.getByLabel("Bucket").fill("e2e-recordings");
    await dialog.getByLabel("Region").fill("us-east-1");
    await dialog.getByRole("button", { name: "Copy to S3" }).click();
    await expect(page.getByText(/Sendbird is copying the recording to e2e-recordings \(us-east-1\)/)).toBeVisible();

    const admin = await auditRows(page, recording.recording_id);
    const row = admin.getByRole("row").filter({ hasText: "recording.copy" });
    await expect(row.filter({ hasText: "success" })).toHaveCount(1);
    await expect(row).toContainText("e2e-recordings");
    const csv = await admin.request.get(`/api/audit/export?target=${recording.recording_id}`);
    const text = await csv.text();
    expect(text).toContain("e2e-recordings");
    expect(text).not.toContain(secret);
    expect(text).not.toContain("AKIAE2E0000000000001");
    await admin.context().close();
  });
});

test.describe("the live-events list under faults", () => {
  test.afterEach(async ({ request }) => {
    await emulator(request, "DELETE", "/__emulator/faults");
  });

  test("shows a 500 in plain words and recovers on retry", async ({ page, request }) => {
    test.setTimeout(60_000);
    await signIn(page, demo.support);
    // Every try fails (the first and the client's retries) until the fault is lifted.
    await emulator(request, "POST", "/__emulator/faults", { method: "GET", path: "/v1/live-events", status: 500 });
    await page.goto("/live-events?state=ended&limit=10");
    await expect(page.getByText("Sendbird had a problem")).toBeVisible({ timeout: 30_000 });
    await emulator(request, "DELETE", "/__emulator/faults");
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(page.locator("tbody tr")).toHaveCount(10);
  });

  test("rides out a 429 by itself", async ({ page, request }) => {
    await signIn(page, demo.support);
    await emulator(request, "POST", "/__emulator/faults", { method: "GET", path: "/v1/live-events", status: 429, code: 429100, retry_after: 1 });
    const loading = page.goto("/live-events?state=ended&limit=10");
    // Sendbird stops limiting a moment later; the client waits as told and tries again.
    await page.waitForTimeout(1200);
    await emulator(request, "DELETE", "/__emulator/faults");
    await loading;
    await expect(page.locator("tbody tr")).toHaveCount(10);
    await expect(page.getByText("Rate limited")).toHaveCount(0);
  });
});

test.describe("saved views and the export", () => {
  test("a saved view is shared with the team, opens the same rows, and its author deletes it", async ({ page, browser }) => {
    const name = `Ended, 10 a page ${Date.now()}`;
    await signIn(page, demo.operator);
    await page.goto("/live-events?state=ended&limit=10");
    await page.getByRole("button", { name: "Save this view" }).click();
    await page.getByLabel("View name").fill(name);
    await page.getByRole("button", { name: "Save view" }).click();
    const link = page.getByRole("navigation", { name: "Saved views" }).getByRole("link", { name });
    await expect(link).toHaveAttribute("aria-current", "page");
    const ids = await page.locator("tbody td:first-child .font-mono").allTextContents();

    const other = await browser.newContext();
    const support = await other.newPage();
    await signIn(support, demo.support);
    await support.goto("/live-events");
    await support.getByRole("navigation", { name: "Saved views" }).getByRole("link", { name }).click();
    await expect(support).toHaveURL(/state=ended.*limit=10/);
    await expect(support.locator("tbody td:first-child .font-mono")).toHaveText(ids);
    await expect(support.getByRole("button", { name: `Delete view ${name}` })).toHaveCount(0);
    await support.goto("/live-events?state=ongoing");
    await support.getByRole("button", { name: "Save this view" }).click();
    await support.getByLabel("View name").fill(name.toUpperCase());
    await support.getByRole("button", { name: "Save view" }).click();
    await expect(support.getByText("already exists here")).toBeVisible();
    await other.close();

    await page.getByRole("button", { name: `Delete view ${name}` }).click();
    await page.getByRole("button", { name: "Delete view" }).click();
    await expect(page.getByRole("navigation", { name: "Saved views" }).getByRole("link", { name })).toHaveCount(0);
  });

  test("exports every matching event as CSV with progress", async ({ page }) => {
    await signIn(page, demo.support);
    await page.goto("/live-events?state=ended");
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export all matching (CSV)" }).click();
    const file = await download;
    await expect(page.getByText(/Exported \d+ rows/)).toBeVisible();
    const stream = await file.createReadStream();
    let text = "";
    for await (const chunk of stream) text += String(chunk);
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toMatch(/^live_event_id,title,state,.*,on_air_s,created_to_ended_s,created_by$/);
    // The progress counted rows, whatever line breaks titles hold.
    await expect(page.getByText(`Exported ${lines.length - 1} rows`)).toBeVisible();

    // For Excel, a byte-order mark; the choice is remembered in this browser.
    await page.getByLabel("For Excel: add a UTF-8 byte-order mark").check();
    const marked = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export all matching (CSV)" }).click();
    const bytes: Buffer[] = [];
    for await (const chunk of await (await marked).createReadStream()) bytes.push(chunk as Buffer);
    expect([...Buffer.concat(bytes).subarray(0, 4)]).toEqual([0xef, 0xbb, 0xbf, "l".charCodeAt(0)]);
    await page.reload();
    await expect(page.getByLabel("For Excel: add a UTF-8 byte-order mark")).toBeChecked();
    expect(lines.length).toBeGreaterThan(11);
    expect(lines.slice(1).every((l) => l.includes(",ended,"))).toBe(true);
    const answer = await page.request.get("/api/live-events/export?state=paused");
    expect(answer.status()).toBe(400);

    // Audited once it ended: who, the filters, and every row sent.
    const admin = await auditRows(page, "");
    await admin.goto(`/audit?action=live_event.export&actor=${encodeURIComponent(demo.support)}`);
    const row = admin.getByRole("row").nth(1);
    await expect(row).toContainText("Exported live events (CSV)");
    await expect(row).toContainText("success");
    for (const detail of ["filters: ?state=ended", `rows: ${lines.length - 1}`, "completed: true"]) await expect(row).toContainText(detail);
    await admin.context().close();
  });
});

test.describe("the overview", () => {
  test("shows what is on air, counts by state, events per day and the connection", async ({ page }) => {
    await signIn(page, demo.support);
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
    await expect(page.getByRole("region", { name: "On air" }).getByText(/\d+ participants? watching right now/)).toBeVisible();
    const states = page.getByRole("region", { name: "Live events by state" });
    await expect(states.getByRole("link", { name: /^Ended: \d+/ })).toBeVisible();
    await expect(
      page.getByRole("region", { name: "Events created per day" }).getByRole("img", { name: /^Events created per day, last 30 days: / }),
    ).toBeVisible();
    await expect(page.getByRole("heading", { name: "Connection" })).toBeVisible();
    await states.getByRole("link", { name: /^On air: \d+/ }).click();
    await expect(page).toHaveURL(/\/live-events\?state=ongoing/);
  });
});
