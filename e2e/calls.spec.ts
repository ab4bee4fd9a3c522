import { expect, test } from "./fixtures";
import { defaultMasterToken } from "../lib/emulator/emulator";
import { demo, signIn } from "./auth";
import { e2e } from "./servers";

const master = { "Api-Token": defaultMasterToken };

test.describe("the direct-calls list", () => {
  test("a call made through the control plane appears; filtered by end result and by a user as callee, a reload shows the same rows", async ({
    page,
    request,
  }) => {
    const { users } = (await (await request.get(`${e2e.emulatorURL}/v3/users?limit=3`, { headers: master })).json()) as {
      users: { user_id: string; nickname: string }[];
    };
    const [caller, callee] = users;
    if (!caller || !callee) throw new Error("the demo world has too few users");
    const made = await request.post(`${e2e.emulatorURL}/__emulator/direct-calls`, {
      headers: master,
      data: { caller_id: caller.user_id, callee_id: callee.user_id, end_result: "no_answer", is_video_call: true },
    });
    const { call } = (await made.json()) as { call: { call_id: string } };

    await signIn(page, demo.support);
    await page.getByRole("link", { name: "Calls" }).click();
    await expect(page.getByRole("heading", { name: "Calls", level: 1 })).toBeVisible();
    // Newest first: the call is on the first page (the demo simulator may have made a newer one since).
    const newest = page.locator("tbody tr").filter({ hasText: call.call_id });
    await expect(newest).toContainText("Missed: the callee did not answer");
    await expect(newest.getByRole("link", { name: callee.nickname || callee.user_id })).toHaveAttribute("href", `/users/${encodeURIComponent(callee.user_id)}`);

    await page.getByLabel("missed", { exact: true }).check();
    await page.getByLabel("User id").fill(callee.user_id);
    await page.locator("summary", { hasText: "More filters" }).click();
    await page.getByLabel("As", { exact: true }).selectOption("callee");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/endResult=no_answer/);
    await expect(page).toHaveURL(new RegExp(`user=${encodeURIComponent(callee.user_id)}.*role=callee`));
    await expect(page.getByRole("status").filter({ hasText: "one user's calls" })).toBeVisible();
    const rows = page.locator("tbody tr");
    await expect(rows.filter({ hasText: call.call_id })).toHaveCount(1);
    const before = await rows.allTextContents();
    for (const text of before) expect(text).toContain("missed");
    await page.reload();
    await expect(rows.filter({ hasText: call.call_id })).toHaveCount(1);
    await expect(rows).toHaveText(before);
  });

  test("explains filters it cannot apply, and its handler wants a session", async ({ page, request }) => {
    expect((await request.get("/api/calls")).status()).toBe(401);
    await signIn(page, demo.support);
    await page.goto("/calls?role=caller");
    await expect(page.getByText("These filters cannot be applied")).toBeVisible();
    await expect(page.getByText("A role needs a user: name the user whose calls to list.")).toBeVisible();
    await page.goto("/calls?minDuration=ten");
    await expect(page.getByText("The shortest duration is a whole number of seconds.")).toBeVisible();
    const api = await page.request.get("/api/calls?endResult=exploded");
    expect(api.status()).toBe(400);
  });
});
