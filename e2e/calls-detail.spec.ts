import { expect, test } from "./fixtures";
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { demo, signIn } from "./auth";
import { captureAction, emulator, replayAction } from "./requests";

async function twoUsers(request: APIRequestContext) {
  const { users } = await emulator<{ users: { user_id: string; nickname: string }[] }>(request, "GET", "/v3/users?limit=4&active_mode=activated");
  const [a, b] = users;
  if (!a || !b) throw new Error("the demo world has too few users");
  return [a, b] as const;
}

/** The audit trail filtered (to one target, by default), in an admin's own browser context. */
async function auditRows(browser: Browser, target: string, filters = `target=${encodeURIComponent(target)}`): Promise<Page> {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, demo.admin);
  await admin.goto(`/audit?${filters}`);
  return admin;
}

test.describe("a direct call's page", () => {
  test("an operator opens a call from the list, edits and deletes custom items, and both land in the audit trail", async ({ page, request, browser }) => {
    const [caller, callee] = await twoUsers(request);
    const { call } = await emulator<{ call: { call_id: string } }>(request, "POST", "/__emulator/direct-calls", {
      caller_id: caller.user_id,
      callee_id: callee.user_id,
      end_result: "connection_lost",
      duration: 95_000,
    });

    await signIn(page, demo.operator);
    await page.goto(`/calls?user=${encodeURIComponent(caller.user_id)}&role=caller`);
    await page.getByRole("link", { name: `Call ${call.call_id}` }).click();
    await expect(page).toHaveURL(new RegExp(`/calls/${call.call_id}$`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText("call");
    await expect(page.getByLabel("How it ended")).toContainText("Dropped: the connection was lost during the call");
    await expect(page.getByLabel("How it ended")).toContainText("1 min");
    const parties = page.getByRole("table", { name: "Participants" });
    await expect(parties.getByRole("row").filter({ hasText: "Caller" })).toContainText(caller.user_id);
    await expect(parties.getByRole("row").filter({ hasText: "Callee" })).toContainText(callee.user_id);
    await expect(page.getByText("This call has no cloud recordings.")).toBeVisible();

    await page.getByRole("button", { name: "Edit custom items" }).click();
    await page.getByRole("button", { name: "Add item" }).click();
    await page.getByLabel("Key 1").fill("ticket,1");
    await page.getByLabel("Value 1").fill("T-1");
    await page.getByRole("button", { name: "Save custom items" }).click();
    await expect(page.getByText("A key cannot contain a comma.", { exact: true })).toBeVisible();
    await page.getByLabel("Key 1").fill("ticket");
    await page.getByRole("button", { name: "Add item" }).click();
    await page.getByLabel("Key 2").fill("queue");
    await page.getByLabel("Value 2").fill("billing");
    await page.getByRole("button", { name: "Save custom items" }).click();
    const items = page.getByLabel("Custom items", { exact: true });
    await expect(items).toContainText("T-1");
    await expect(items).toContainText("billing");

    await page.getByLabel("Choose custom item queue").check();
    await page.getByRole("button", { name: "Delete 1 chosen item" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
    await expect(items).not.toContainText("billing");
    await expect(items).toContainText("T-1");

    const raw = page.getByText("Sendbird's object (credentials removed)");
    await raw.click();
    await expect(page.locator("pre")).toContainText(`"call_id": "${call.call_id}"`);

    const admin = await auditRows(browser, call.call_id);
    await expect(admin.getByRole("row").filter({ hasText: "direct_call.custom_items.update" }).filter({ hasText: "success" })).toHaveCount(1);
    await expect(admin.getByRole("row").filter({ hasText: "direct_call.custom_items.delete" }).filter({ hasText: "success" })).toHaveCount(1);
    await admin.context().close();
  });

  test("an unknown call id reads in plain words", async ({ page }) => {
    await signIn(page, demo.support);
    expect((await page.goto("/calls/no-such-call"))?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Direct call not found" })).toBeVisible();
    await expect(page.getByRole("main")).toContainText("Sendbird has no direct call with the id no-such-call.");
  });
});

test.describe("group-call rooms", () => {
  test("an operator lists rooms and opens one with its participants and recordings; its custom items and deletion are the Calls SDK's", async ({
    page,
    request,
  }) => {
    const [a, b] = await twoUsers(request);
    const { room } = await emulator<{ room: { room_id: string } }>(request, "POST", "/v1/rooms", {
      type: "large_room_for_audio_only",
      custom_items: { topic: "standup" },
    });
    await emulator(request, "POST", `/__emulator/rooms/${room.room_id}/participants/join`, { user_ids: [a.user_id, b.user_id] });
    await emulator(request, "POST", `/__emulator/rooms/${room.room_id}/participants/leave`, { user_ids: [b.user_id] });
    await emulator(request, "POST", `/__emulator/rooms/${room.room_id}/recordings`, { status: "completed" });

    await signIn(page, demo.operator);
    await page.goto("/calls");
    await page.getByRole("navigation", { name: "Calls views" }).getByRole("link", { name: "Rooms" }).click();
    await expect(page).toHaveURL(/\/calls\/rooms$/);
    await page.getByLabel("Type").selectOption("large_room_for_audio_only");
    await page.getByLabel("State").selectOption("open");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/type=large_room_for_audio_only/);
    const row = page.locator("tbody tr").filter({ hasText: room.room_id });
    await expect(row).toContainText("Large audio-only room");
    await expect(row.getByRole("cell").last()).toHaveText("1");
    await row.getByRole("link", { name: room.room_id }).click();

    // Sendbird's rooms have no name: the one kept in its custom items titles it, and the type is beside it.
    await expect(page.getByRole("heading", { level: 1 })).toContainText("standup");
    await expect(page.getByLabel("About the room")).toContainText("Large audio-only room");
    const people = page.getByRole("table", { name: "Room participants" });
    await expect(people.getByRole("row").filter({ hasText: a.user_id })).toContainText("still in the room");
    await expect(people.getByRole("row").filter({ hasText: b.user_id })).not.toContainText("still in the room");
    await expect(page.getByLabel("Custom items", { exact: true })).toContainText("standup");

    await expect(page.getByText("changed by the people in it, through Sendbird's Calls SDK")).toBeVisible();
    await expect(page.getByRole("button", { name: "Edit custom items" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Delete room" })).toHaveCount(0);
    await expect(page.getByRole("table", { name: "Cloud recordings" }).getByRole("row").filter({ hasText: "completed" })).toHaveCount(1);

    // Someone in the room deletes it with the Calls SDK (here the control plane); the page says so.
    await emulator(request, "DELETE", `/__emulator/rooms/${room.room_id}`);
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Deleted");
    await expect(page.getByLabel("About the room")).toContainText("Deleted");
  });
});

test.describe("calls as support", () => {
  test("support sees no edit controls, and a forged custom-items save is refused", async ({ page, request, browser }) => {
    const [caller, callee] = await twoUsers(request);
    const { call } = await emulator<{ call: { call_id: string } }>(request, "POST", "/__emulator/direct-calls", {
      caller_id: caller.user_id,
      callee_id: callee.user_id,
      end_result: "completed",
    });

    // Capture the real save an operator's browser would make, without letting it through.
    await signIn(page, demo.operator);
    const path = `/calls/${call.call_id}`;
    await page.goto(path);
    const captured = await captureAction(page, path);
    await page.getByRole("button", { name: "Edit custom items" }).click();
    await page.getByRole("button", { name: "Add item" }).click();
    await page.getByLabel("Key 1").fill("forged");
    await page.getByLabel("Value 1").fill("yes");
    await page.getByRole("button", { name: "Save custom items" }).click();
    const forged = await captured();

    const support = await (await browser.newContext()).newPage();
    await signIn(support, demo.support);
    await support.goto(path);
    await expect(support.getByRole("heading", { name: "Custom items" })).toBeVisible();
    await expect(support.getByRole("button", { name: "Edit custom items" })).toHaveCount(0);
    await expect(support.getByRole("checkbox")).toHaveCount(0);

    expect(await replayAction(support, forged)).toContain("forbidden");
    await support.context().close();
    const still = await emulator<{ call: { custom_items: Record<string, string> } }>(request, "GET", `/v1/direct_calls/${call.call_id}`);
    expect(still.call.custom_items).toEqual({});
    // A refused action never reached its target: the row names the action and who tried it.
    const admin = await auditRows(browser, call.call_id, `action=direct_call.custom_items.update&outcome=denied&actor=${encodeURIComponent(demo.support)}`);
    await expect(admin.getByRole("row").filter({ hasText: "direct_call.custom_items.update" }).filter({ hasText: "denied" }).first()).toBeVisible();
    await admin.context().close();
  });
});

test.describe("the calls overview and export", () => {
  test("shows calls per day by end result and the bad-call share week on week", async ({ page }) => {
    await signIn(page, demo.support);
    await page.goto("/calls");
    await page.getByRole("navigation", { name: "Calls views" }).getByRole("link", { name: "Overview" }).click();
    await expect(page.getByRole("img", { name: /Direct calls per day by end result, last 30 days: [\d,]+ in total/ })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText("Last 7 days")).toBeVisible();
    await expect(page.getByText(/\d+ of [\d,]+ ended calls ended badly/).first()).toBeVisible();
    await expect(page.getByText(/From the emulator · fetched/).first()).toBeVisible();
    await page.getByRole("link", { name: "List the calls that ended badly" }).click();
    await expect(page).toHaveURL(/endResult=connection_lost&endResult=timed_out&endResult=unknown/);
  });

  test("exports one user's filtered calls as CSV with progress", async ({ page, request }) => {
    const [caller, callee] = await twoUsers(request);
    const { call } = await emulator<{ call: { call_id: string } }>(request, "POST", "/__emulator/direct-calls", {
      caller_id: caller.user_id,
      callee_id: callee.user_id,
      end_result: "declined",
    });
    await signIn(page, demo.support);
    await page.goto(`/calls?user=${encodeURIComponent(callee.user_id)}&role=callee&endResult=declined`);
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export all matching (CSV)" }).click();
    const file = await download;
    await expect(page.getByText(/Exported \d+ rows/)).toBeVisible();
    let text = "";
    for await (const chunk of await file.createReadStream()) text += String(chunk);
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toBe(
      "call_id,kind,caller_id,caller_nickname,callee_id,callee_nickname,started_at,ended_at,duration_s,end_result,end_result_label,ended_by",
    );
    expect(lines.some((l) => l.startsWith(`${call.call_id},`))).toBe(true);
    expect(lines.slice(1).every((l) => l.includes(",declined,declined,"))).toBe(true);
    expect((await page.request.get("/api/calls/export?role=caller")).status()).toBe(400);
  });
});
