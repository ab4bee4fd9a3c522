import { expect, test } from "./fixtures";
import type { Page } from "@playwright/test";
import { callPath, userBundlePath, userPath } from "../lib/paths";
import { demo, demoPassword, signIn } from "./auth";
import { createUser, emulator } from "./requests";

/** Ids that hold what an address treats specially: each must still open its own case file. */
function awkwardIds(stamp: number): Record<string, string> {
  return {
    slash: `e2e/${stamp}/slash`,
    percent: `e2e-${stamp}-100%`,
    encodedSlash: `e2e%2F${stamp}%25`,
    queryAndHash: `e2e-${stamp}?q=1#top`,
    spaces: `e2e ${stamp} with spaces`,
    unicode: `e2e-${stamp}-café-ユーザー-🎬`,
    dots: `../e2e-${stamp}/..`,
  };
}

/** The case file of `userId` is open: its own id under the heading, and no "not found". */
async function expectCaseFile(page: Page, userId: string): Promise<void> {
  await expect(page).toHaveURL((url) => url.pathname === userPath(userId));
  await expect(page.getByText(`${userId} · fetched from Sendbird`)).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Not found" })).toHaveCount(0);
}

test.describe("links to objects whose ids hold /, %, ?, #, spaces or unicode", () => {
  test("every such user opens from the users list", async ({ page, request }) => {
    test.setTimeout(90_000);
    const stamp = Date.now();
    const prefix = `Links ${stamp}`;
    const ids = Object.entries(awkwardIds(stamp));
    for (const [key, userId] of ids) await createUser(request, userId, `${prefix} ${key}`);

    await signIn(page, demo.support);
    const list = `/users?nicknamePrefix=${encodeURIComponent(prefix)}&limit=50`;
    for (const [key, userId] of ids) {
      await page.goto(list);
      const link = page.getByRole("link", { name: `${prefix} ${key}`, exact: true });
      await expect(link).toHaveAttribute("href", userPath(userId));
      await link.click();
      await expectCaseFile(page, userId);
    }
  });

  test("a case file's links open the user, the other party and the call, whatever the ids hold", async ({ page, request, browser }) => {
    test.setTimeout(90_000);
    const stamp = Date.now();
    const { slash, unicode } = awkwardIds(stamp);
    const caller = `${slash}?a=1#b`;
    const callee = `${unicode} 100% ..`;
    await createUser(request, caller, `Caller ${stamp}`);
    await createUser(request, callee, `Callee ${stamp}`);
    const { call } = await emulator<{ call: { call_id: string } }>(request, "POST", "/__emulator/direct-calls", {
      caller_id: caller,
      callee_id: callee,
      end_result: "completed",
      duration: 60_000,
    });

    await signIn(page, demo.support);
    await page.goto(userPath(caller));
    await expectCaseFile(page, caller);
    const line = page.getByRole("region", { name: "Case file timeline" }).getByRole("listitem").filter({ hasText: call.call_id });

    // The other party of the call, and back.
    await line.getByRole("link", { name: `Callee ${stamp}` }).click();
    await expectCaseFile(page, callee);
    await page.goBack();
    await expectCaseFile(page, caller);

    // The call, and from its page each party.
    await line.getByRole("link", { name: `Call ${call.call_id}` }).click();
    await expect(page).toHaveURL((url) => url.pathname === callPath(call.call_id));
    await page
      .getByRole("table", { name: "Participants" })
      .getByRole("link", { name: `Caller ${stamp}` })
      .click();
    await expectCaseFile(page, caller);

    // The timeline's filters submit to the case file's own address, and "Clear" goes back to it.
    await page.getByLabel("Direct calls").check();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL((url) => url.pathname === userPath(caller) && url.searchParams.get("kind") === "calls");
    await expectCaseFile(page, caller);
    await expect(line).toBeVisible();
    await page.getByRole("link", { name: "Clear" }).click();
    await expect(page).toHaveURL((url) => url.pathname === userPath(caller) && url.search === "");
    await expectCaseFile(page, caller);

    // The support bundle is the caller's.
    const json = page.getByRole("navigation", { name: "Export support bundle" }).getByRole("link", { name: "JSON" });
    await expect(json).toHaveAttribute("href", `${userBundlePath(caller)}?format=json`);
    const bundle = (await (await page.request.get(`${userBundlePath(caller)}?format=json`)).json()) as { profile: { userId: string } };
    expect(bundle.profile.userId).toBe(caller);

    // Signed out, the case file's address comes back after sign-in.
    const context = await browser.newContext();
    const fresh = await context.newPage();
    await fresh.goto(userPath(callee));
    await expect(fresh).toHaveURL(/\/sign-in\?/);
    await fresh.getByLabel("E-mail").fill(demo.support);
    await fresh.getByLabel("Password").fill(demoPassword);
    await fresh.getByRole("button", { name: "Sign in", exact: true }).click();
    await expectCaseFile(fresh, callee);
    await context.close();
  });
});
