import { expect, test } from "./fixtures";
import { demo } from "./auth";

test.describe("single sign-on", () => {
  test("signs in an e-mail that has a console account, with that account's role", async ({ page }) => {
    await page.goto("/sign-in?callbackUrl=%2Faccount");
    await page.getByRole("button", { name: "Sign in with single sign-on" }).click();
    await page.getByLabel("Identity e-mail").fill(demo.operator);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page).toHaveURL(/\/account$/, { timeout: 15_000 });
    await expect(page.getByRole("button", { name: `Account: ${demo.operator}` })).toBeVisible();
    await expect(page.getByText("Operate live events")).toBeVisible();
  });

  test("refuses an e-mail without an account, in plain words", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Sign in with single sign-on" }).click();
    await page.getByLabel("Identity e-mail").fill("stranger@e2e.test");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByText("no active console account has that e-mail")).toBeVisible();
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  });
});
