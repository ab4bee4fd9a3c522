import { expect, test } from "./fixtures";
import { demo, demoPassword, expectSignOutEverywhereEndsOther, signIn } from "./auth";

test.describe("signing in", () => {
  for (const path of ["/", "/live-events", "/no-such-page"]) {
    test(`a signed-out visit to ${path} goes to sign-in`, async ({ page }) => {
      await page.goto(path);
      await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
      await expect(page.getByRole("heading", { name: "Sign in to Showrunner" })).toBeVisible();
    });
  }

  test("comes back to the page that was asked for", async ({ page }) => {
    await page.goto("/?from=link");
    await page.getByLabel("E-mail").fill(demo.operator);
    await page.getByLabel("Password").fill(demoPassword);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/\?from=link$/, { timeout: 15_000 });
  });

  for (const [role, email] of Object.entries(demo)) {
    test(`works for the ${role} demo account and shows who is signed in`, async ({ page }) => {
      await signIn(page, email);
      await page.getByRole("button", { name: `Account: ${email}` }).click();
      await expect(page.getByRole("menu").getByText(role, { exact: true })).toBeVisible();
    });
  }

  test("a wrong password gets a message that does not say whether the e-mail exists", async ({ page }) => {
    const messages: string[] = [];
    for (const email of [demo.support, "nobody@showrunner.local"]) {
      await page.goto("/sign-in");
      await page.getByLabel("E-mail").fill(email);
      await page.getByLabel("Password").fill("not the password");
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      const alert = page.getByRole("alert").filter({ hasText: /\w/ });
      await expect(alert).toBeVisible();
      messages.push((await alert.textContent()) ?? "");
    }
    expect(messages[0]).toBe(messages[1]);
    expect(messages[0]).toContain("do not match an active account");
  });

  test("repeated failures back the address off and say so", async ({ page }) => {
    const email = "locked-out@showrunner.local";
    await page.goto("/sign-in");
    for (let i = 0; i < 4; i += 1) {
      await page.getByLabel("E-mail").fill(email);
      await page.getByLabel("Password").fill(`wrong password ${i}`);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeEnabled();
    }
    await expect(page.getByRole("alert").filter({ hasText: /\w/ })).toContainText("Too many failed attempts from this address");
  });

  test("signing out ends the session", async ({ page }) => {
    await signIn(page, demo.admin);
    await page.getByRole("button", { name: `Account: ${demo.admin}` }).click();
    await page.getByRole("menuitem", { name: "Sign out", exact: true }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  });

  test("sign out everywhere ends the account's session in another browser too", async ({ browser }) => {
    await expectSignOutEverywhereEndsOther(browser, demo.operator, demoPassword, ["", ""]);
  });

  test("navigation shows only what the role may use", async ({ page }) => {
    await signIn(page, demo.support);
    const nav = page.getByRole("navigation", { name: "Sections" });
    await expect(nav.getByText("Overview")).toBeVisible();
    await expect(nav.getByText("API tokens")).toHaveCount(0);
    await expect(nav.getByText("Audit trail")).toHaveCount(0);
  });
});
