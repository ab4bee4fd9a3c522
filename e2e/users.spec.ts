import { expect, test } from "@playwright/test";
import { defaultMasterToken } from "../lib/emulator/emulator";
import { demo, signIn } from "./auth";
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
    await page.getByLabel("Per page").selectOption("10");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(new RegExp(`nicknamePrefix=${encodeURIComponent(prefix)}.*limit=10`));
    const rows = page.locator("tbody tr");
    await expect(rows.first()).toBeVisible();
    const ids = await page.locator("tbody td .font-mono").allTextContents();
    for (const row of await rows.all()) await expect(row.getByRole("link")).toHaveText(new RegExp(`^${prefix}`, "i"));
    await page.reload();
    expect(await page.locator("tbody td .font-mono").allTextContents()).toEqual(ids);

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

  test("says plainly when there is no such user", async ({ page }) => {
    await signIn(page, demo.support);
    await page.goto("/users/no-such-user-anywhere");
    await expect(page.getByRole("alert").filter({ hasText: "Not found" })).toBeVisible();
  });
});
