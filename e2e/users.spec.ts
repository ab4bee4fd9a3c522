import { expect, test } from "./fixtures";
import { defaultMasterToken } from "../lib/emulator/emulator";
import { demo, signIn } from "./auth";
import { hostOnAir } from "./requests";
import { e2e } from "./servers";

test.describe("the users list", () => {
  test("searches by nickname prefix in the URL, a reload shows the same rows, and a row opens the case file", async ({ page, request }) => {
    const answer = await request.get(`${e2e.emulatorURL}/v3/users?limit=1`, { headers: { "Api-Token": defaultMasterToken } });
    const [someone] = ((await answer.json()) as { users: { user_id: string; nickname: string }[] }).users;
    if (!someone?.nickname) throw new Error("the demo world has no user with a nickname");
    const prefix = someone.nickname.slice(0, 2);

    await signIn(page, demo.support);
    await page.getByRole("link", { name: "Users" }).click();
    await page.getByLabel("Nickname starts with").fill(prefix);
    await page.locator("summary", { hasText: "More filters" }).click();
    await page.getByLabel("Per page").selectOption("10");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(new RegExp(`nicknamePrefix=${encodeURIComponent(prefix)}.*limit=10`));
    const rows = page.locator("tbody tr");
    // The address changes before the filtered rows arrive: wait until every row shown (no skeleton, no old row) matches.
    const matching = page.getByRole("link", { name: new RegExp(`^${prefix}`, "i") });
    await expect(rows.first()).toBeVisible();
    await expect(rows.filter({ hasNot: matching })).toHaveCount(0);
    expect(await rows.count()).toBeLessThanOrEqual(10);
    const ids = await page.locator("tbody td .font-mono").allTextContents();
    await page.reload();
    await expect(page.locator("tbody td .font-mono")).toHaveText(ids);

    await rows.first().getByRole("link").click();
    await expect(page.getByRole("heading", { name: "Profile" })).toBeVisible();
    await expect(page.getByText(ids[0] ?? "", { exact: false }).first()).toBeVisible();
  });

  test("explains filters it cannot apply, and its handlers want a session", async ({ page, request }) => {
    expect((await request.get("/api/users")).status()).toBe(401);
    expect((await request.get("/api/users/search?q=a")).status()).toBe(401);
    await signIn(page, demo.support);
    await page.goto("/users?status=banned");
    await expect(page.getByText("These filters cannot be applied")).toBeVisible();
    await expect(page.getByText("Choose active, deactivated or all.")).toBeVisible();
    expect((await page.request.get("/api/users?limit=7")).status()).toBe(400);
  });

  test("says plainly when there is no such user, and records the attempt", async ({ page }) => {
    await signIn(page, demo.support);
    expect((await page.goto("/users/no-such-user-anywhere"))?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "User not found" })).toBeVisible();
    await page.context().clearCookies();
    await signIn(page, demo.admin);
    await page.goto("/audit?action=user.view_case_file&target=no-such-user-anywhere");
    await expect(page.locator("tbody tr").filter({ hasText: demo.support }).first()).toContainText("failure");
  });
});

test.describe("managing users", () => {
  test("an admin creates, edits, deactivates, reactivates and deletes a user, and sees a session token once", async ({ page }) => {
    test.setTimeout(90_000);
    const userId = `e2e-user-${Date.now()}`;
    await signIn(page, demo.admin);
    await page.goto("/users");
    await page.getByRole("button", { name: "New user" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("User id").fill(userId);
    await dialog.getByLabel("Nickname").fill("n".repeat(81));
    await dialog.getByRole("button", { name: "Add item" }).click();
    await dialog.getByLabel("Key 1").fill("team,a");
    await dialog.getByRole("button", { name: "Create user" }).click();
    await expect(dialog.getByText("A nickname is at most 80 characters.")).toBeVisible();
    await expect(dialog.getByText("A key cannot contain a comma.", { exact: true })).toBeVisible();
    await dialog.getByLabel("Nickname").fill("E2E Person");
    await dialog.getByLabel("Key 1").fill("team");
    await dialog.getByLabel("Value 1").fill("events");
    await dialog.getByRole("button", { name: "Create user" }).click();
    await expect(page).toHaveURL(new RegExp(`/users/${userId}$`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText("E2E Person");
    await expect(page.getByLabel("Metadata", { exact: true })).toContainText("events");

    await page.getByRole("button", { name: "Edit user" }).click();
    await page.getByRole("dialog").getByLabel("Nickname").fill("E2E Person (edited)");
    await page.getByRole("dialog").getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("E2E Person (edited)");

    // Metadata: every change is shown before it is sent, then sent key by key.
    await page.getByRole("button", { name: "Edit metadata" }).click();
    const meta = page.getByRole("dialog");
    await meta.getByLabel("Value 1").fill("live");
    await meta.getByRole("button", { name: "Add item" }).click();
    await meta.getByLabel("Key 2").fill("city,x");
    await meta.getByRole("button", { name: "Review changes" }).click();
    await expect(meta.getByText("A key cannot contain a comma.", { exact: true })).toBeVisible();
    await meta.getByLabel("Key 2").fill("city");
    await meta.getByLabel("Value 2").fill("Seoul");
    await meta.getByRole("button", { name: "Review changes" }).click();
    const changes = meta.getByRole("list", { name: "Changes" });
    await expect(changes.getByRole("listitem")).toHaveText([/Change team: “events” → “live”/, /Add city: “Seoul”/]);
    await meta.getByRole("button", { name: "Save 2 changes" }).click();
    await expect(page.getByLabel("Metadata", { exact: true })).toContainText("Seoul");
    await expect(page.getByLabel("Metadata", { exact: true })).toContainText("live");
    await page.getByRole("button", { name: "Edit metadata" }).click();
    await meta.getByRole("button", { name: "Remove row 2" }).click();
    await meta.getByRole("button", { name: "Review changes" }).click();
    await expect(changes.getByRole("listitem")).toHaveText([/Remove city \(was “Seoul”\)/]);
    await meta.getByRole("button", { name: "Save 1 change" }).click();
    await expect(page.getByLabel("Metadata", { exact: true })).not.toContainText("Seoul");

    await page.getByRole("button", { name: "Deactivate" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Deactivate" }).click();
    await expect(page.getByRole("heading", { level: 1 }).getByText("Deactivated")).toBeVisible();
    await page.getByRole("button", { name: "Reactivate" }).click();
    await expect(page.getByRole("heading", { level: 1 }).getByText("Active")).toBeVisible();

    await page.getByRole("button", { name: "Issue session token" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Issue token" }).click();
    const shown = page.getByLabel("Session token", { exact: true });
    await expect(shown).toBeVisible();
    const token = (await shown.textContent()) ?? "";
    expect(token.length).toBeGreaterThan(20);
    await page.getByRole("button", { name: "Done" }).click();
    await page.reload();
    expect(await page.content()).not.toContain(token);
    await page.getByRole("button", { name: "Revoke session tokens" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke all" }).click();
    await expect(page.getByText("Every session token is revoked.")).toBeVisible();

    await page.getByRole("button", { name: "Delete user" }).click();
    await page.getByRole("dialog").getByLabel("User id").fill("not-it");
    await page.getByRole("dialog").getByRole("button", { name: "Delete user" }).click();
    await expect(page.getByText(`Type "${userId}" to delete this user.`)).toBeVisible();
    await page.getByRole("dialog").getByLabel("User id").fill(userId);
    await page.getByRole("dialog").getByRole("button", { name: "Delete user" }).click();
    await expect(page).toHaveURL(/\/users$/);

    await page.goto(`/audit?target=${userId}`);
    const actions = ["user.create", "user.update", "user.metadata.change", "user.metadata.add", "user.metadata.remove", "user.deactivate", "user.reactivate"];
    for (const action of [...actions, "user.issue_session_token", "user.revoke_session_tokens", "user.delete"]) {
      await expect(page.getByRole("row").filter({ hasText: action }).filter({ hasText: "success" }).first()).toBeVisible();
    }
    const csv = await (await page.request.get(`/api/audit/export?target=${userId}`)).text();
    expect(csv).not.toContain(token);
  });

  test("support sees a user but no way to change them", async ({ page }) => {
    await signIn(page, demo.support);
    await page.goto("/users");
    await expect(page.getByRole("button", { name: "New user" })).toHaveCount(0);
    await page.locator("tbody tr").first().getByRole("link").click();
    await expect(page.getByRole("heading", { name: "Profile" })).toBeVisible();
    for (const name of ["Edit user", "Edit metadata", "Deactivate", "Issue session token", "Revoke session tokens", "Delete user"])
      await expect(page.getByRole("button", { name })).toHaveCount(0);
  });
});

test.describe("the case file", () => {
  test("shows the user's calls in plain words and what staff changed, filtered in the URL", async ({ page, request }) => {
    const master = { "Api-Token": defaultMasterToken };
    const { users } = (await (await request.get(`${e2e.emulatorURL}/v3/users?limit=2`, { headers: master })).json()) as {
      users: { user_id: string; nickname: string }[];
    };
    const [caller, callee] = users;
    if (!caller || !callee) throw new Error("the demo world has too few users");
    const calling = await request.post(`${e2e.emulatorURL}/__emulator/direct-calls`, {
      headers: master,
      data: { caller_id: caller.user_id, callee_id: callee.user_id, end_result: "connection_lost", duration: 90_000 },
    });
    const { call } = (await calling.json()) as { call: { call_id: string } };

    await signIn(page, demo.support);
    await page.goto(`/users/${encodeURIComponent(callee.user_id)}`);
    const timeline = page.getByRole("region", { name: "Case file timeline" });
    const line = timeline.getByRole("listitem").filter({ hasText: call.call_id });
    await expect(line).toContainText(`from ${caller.nickname || caller.user_id}`);
    await expect(line).toContainText("Dropped: the connection was lost during the call");
    await expect(line).toContainText("dropped");
    const bundle = page.waitForEvent("download");
    await page.getByRole("navigation", { name: "Export support bundle" }).getByRole("link", { name: "JSON" }).click();
    const file = await bundle;
    let text = "";
    for await (const chunk of await file.createReadStream()) text += String(chunk);
    const json = JSON.parse(text) as { profile: { userId: string }; timeline: { callId?: string }[] };
    expect(json.profile.userId).toBe(callee.user_id);
    expect(json.timeline.some((e) => e.callId === call.call_id)).toBe(true);
    const csv = await page.request.get(`/api/users/${encodeURIComponent(callee.user_id)}/bundle?format=csv`);
    expect(await csv.text()).toContain(call.call_id);
    await page.getByLabel("Changes by console staff").check();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/kind=changes/);
    await expect(page.getByText(call.call_id)).toHaveCount(0);
    await page.goto(`/users/${encodeURIComponent(callee.user_id)}?from=2026-13-01`);
    await expect(page.getByText("These filters cannot be applied")).toBeVisible();
  });
});

test.describe("the case file's hosted and watched events", () => {
  test("as support: find a host by nickname prefix, see hosted and watched events and calls in one timeline, refresh, filter, export; the view is audited", async ({
    page,
    request,
  }) => {
    test.setTimeout(180_000);
    const master = { "Api-Token": defaultMasterToken };
    const get = async <T>(path: string) => (await (await request.get(`${e2e.emulatorURL}${path}`, { headers: master })).json()) as T;
    const post = async <T>(path: string, data?: unknown) => {
      const res = await request.post(`${e2e.emulatorURL}${path}`, { headers: master, ...(data === undefined ? {} : { data }) });
      expect(res.ok(), await res.text()).toBe(true);
      return (await res.json()) as T;
    };
    // A user of the demo world hosts an event the console sees on air; the event ends, and Sendbird then names
    // no host of it: the console still knows who hosted. That user then joins another event on air.
    const { users: people } = await get<{ users: { user_id: string; nickname: string }[] }>("/v3/users?limit=20&active_mode=activated");
    const host = people.find((u) => u.nickname.length >= 3);
    if (!host) throw new Error("the demo world has no user with a nickname");
    const { live_event: made } = await post<{ live_event: { live_event_id: string } }>("/v1/live-events", {
      host_type: "single_host",
      user_ids_for_host: [host.user_id],
      title: `E2E show of ${host.user_id}`,
    });
    const hosted = { id: made.live_event_id };
    await post(`/v1/live-events/${hosted.id}/ready`);
    await post(`/v1/live-events/${hosted.id}/start`);
    await hostOnAir(request, hosted.id, host.user_id);
    await signIn(page, demo.support);
    await page.goto(`/live-events/${hosted.id}`);
    await expect(page.getByRole("table", { name: "Hosts" })).toContainText(host.user_id);
    expect((await request.delete(`${e2e.emulatorURL}/v1/live-events/${hosted.id}`, { headers: master })).ok()).toBe(true);
    expect(await get<{ host: unknown }>(`/v1/live-events/${hosted.id}/hosts`)).toEqual({ host: null });

    const { live_events: onAir } = await get<{ live_events: { live_event_id: string }[] }>("/v1/live-events?state=ongoing&limit=1");
    const watched = onAir[0]?.live_event_id;
    if (!watched) throw new Error("the demo world has no event on air");
    const joined = await request.post(`${e2e.emulatorURL}/__emulator/live-events/${watched}/participants/join`, {
      headers: master,
      data: { user_ids: [host.user_id] },
    });
    // The simulator may have sat them in this audience already: either way, they are watching it.
    if (joined.status() !== 200) expect(`${joined.status()} ${await joined.text()}`).toMatch(/^409 .*already watching/);
    const { users } = await get<{ users: { user_id: string }[] }>("/v3/users?limit=2");
    const callee = users.find((u) => u.user_id !== host.user_id);
    if (!callee) throw new Error("the demo world has too few users");
    const calling = await request.post(`${e2e.emulatorURL}/__emulator/direct-calls`, {
      headers: master,
      data: { caller_id: host.user_id, callee_id: callee.user_id, end_result: "no_answer", duration: 0 },
    });
    const { call } = (await calling.json()) as { call: { call_id: string } };

    // The background sync's first pass over the demo world has finished.
    await page.goto("/sync");
    await expect(async () => {
      await page.reload();
      await expect(page.getByLabel("Last finished pass")).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 120_000 });

    await page.goto("/users");
    await page.getByLabel("Nickname starts with").fill(host.nickname.slice(0, Math.max(3, host.nickname.length - 2)));
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.locator(`tbody a[href="/users/${encodeURIComponent(host.user_id)}"]`).click();
    await expect(page).toHaveURL(new RegExp(`/users/${encodeURIComponent(host.user_id)}$`));
    const timeline = page.getByRole("region", { name: "Case file timeline" });
    // (The demo simulator may also have sent the same user into that audience: the hosted line is the one to find.)
    await expect(
      timeline
        .getByRole("listitem")
        .filter({ has: page.locator(`a[href="/live-events/${hosted.id}"]`) })
        .filter({ hasText: "Hosted" }),
    ).toHaveCount(1);
    await expect(timeline.getByRole("listitem").filter({ hasText: call.call_id })).toBeVisible();
    await expect(page.getByText(/Hosted and watched events come from the activity index/)).toBeVisible();

    // What happened since the last pass: the event on air is read now.
    await page.getByRole("button", { name: "Refresh this user now" }).click();
    // It reads the events not over yet that changed in the window, within the rate limits: a few seconds on a busy run.
    await expect(page.getByText(/live events? that changed and (is|are) not over yet/)).toBeVisible({ timeout: 20_000 });
    const watchedLine = timeline
      .getByRole("listitem")
      .filter({ has: page.locator(`a[href="/live-events/${watched}"]`) })
      .first();
    await expect(watchedLine).toContainText("Watched");

    await page.getByLabel("Events watched").check();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/kind=watched/);
    await expect(watchedLine).toBeVisible();
    await expect(timeline.getByText("Hosted")).toHaveCount(0);
    await expect(timeline.getByText(call.call_id)).toHaveCount(0);

    const bundle = await page.request.get(`/api/users/${encodeURIComponent(host.user_id)}/bundle?format=json`);
    const json = (await bundle.json()) as { timeline: { kind: string; liveEventId?: string; callId?: string }[] };
    expect(json.timeline.some((e) => e.kind === "hosted" && e.liveEventId === hosted.id)).toBe(true);
    expect(json.timeline.some((e) => e.kind === "watched" && e.liveEventId === watched)).toBe(true);
    expect(json.timeline.some((e) => e.callId === call.call_id)).toBe(true);

    await page.context().clearCookies();
    await signIn(page, demo.admin);
    await page.goto(`/audit?action=user.view_case_file&target=${encodeURIComponent(host.user_id)}`);
    await expect(page.locator("tbody tr").filter({ hasText: demo.support }).first()).toBeVisible();
  });
});

test.describe("jump to", () => {
  test("Ctrl-K opens a user by nickname, and a live event or a call by id, from any page, by keyboard", async ({ page, request }) => {
    const master = { "Api-Token": defaultMasterToken };
    const { users } = (await (await request.get(`${e2e.emulatorURL}/v3/users?limit=1`, { headers: master })).json()) as {
      users: { user_id: string; nickname: string }[];
    };
    const { live_events: events } = (await (await request.get(`${e2e.emulatorURL}/v1/live-events?state=ended&limit=1`, { headers: master })).json()) as {
      live_events: { live_event_id: string; title: string }[];
    };
    const [user] = users;
    const [event] = events;
    if (!user?.nickname || !event) throw new Error("the demo world is missing a user or an ended event");

    await signIn(page, demo.support);
    await page.goto("/audit-is-not-for-support");
    await page.keyboard.press("Control+k");
    const box = page.getByRole("combobox", { name: "Jump to a page, user, live event or call" });
    await box.fill(user.user_id);
    await expect(page.getByRole("option").first()).toContainText(user.user_id);
    await box.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/users/${encodeURIComponent(user.user_id)}$`));
    await expect(page.getByRole("heading", { name: "Profile" })).toBeVisible();

    await page.getByRole("button", { name: /Jump to/ }).click();
    await box.fill(event.live_event_id);
    await expect(page.getByRole("option").first()).toContainText("Live event");
    await box.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/live-events/${event.live_event_id}$`));

    const [caller, callee] = (
      (await (await request.get(`${e2e.emulatorURL}/v3/users?limit=2`, { headers: master })).json()) as { users: { user_id: string }[] }
    ).users;
    if (!caller || !callee) throw new Error("the demo world has too few users");
    const calling = await request.post(`${e2e.emulatorURL}/__emulator/direct-calls`, {
      headers: master,
      data: { caller_id: caller.user_id, callee_id: callee.user_id, end_result: "declined" },
    });
    const { call } = (await calling.json()) as { call: { call_id: string } };
    await page.keyboard.press("Control+k");
    await box.fill(call.call_id);
    await expect(page.getByRole("option").first()).toContainText("Call · declined");
    await box.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/calls/${call.call_id}$`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText("call");

    await page.keyboard.press("Control+k");
    await box.fill("no-such-thing-anywhere");
    await expect(page.getByText("Nothing matches “no-such-thing-anywhere”.")).toBeVisible();
    await box.press("Escape");
    await expect(box).toHaveCount(0);
    expect((await page.request.get("/api/jump?q=")).status()).toBe(400);
  });
});
