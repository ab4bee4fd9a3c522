import { expect, test } from "./fixtures";
import type { Browser, Page } from "@playwright/test";
import { demo, signIn } from "./auth";

const unique = (what: string) => `${what}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@e2e.test`;

/** As the admin, creates an account through the dialog and returns the one-time password it showed. */
async function createAccount(page: Page, email: string, role: "Admin" | "Operator" | "Support"): Promise<string> {
  await page.goto("/settings");
  await page.getByRole("button", { name: "New account" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("E-mail").fill(email);
  await dialog.getByRole("combobox", { name: "Role" }).click();
  await page.getByRole("option", { name: new RegExp(`^${role}`, "i") }).click();
  await dialog.getByRole("button", { name: "Create account" }).click();
  const password = (await dialog.getByLabel("One-time password").textContent()) ?? "";
  expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
  await dialog.getByRole("button", { name: "Done" }).click();
  return password;
}

/** Signs in with a one-time password in a fresh browser and replaces it, as the new person would. */
async function firstSignIn(browser: Browser, email: string, oneTime: string, chosen: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(oneTime);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible({ timeout: 15_000 });
  await page.getByLabel("Current password").fill(oneTime);
  await page.getByLabel("New password", { exact: true }).fill(chosen);
  await page.getByLabel("New password again").fill(chosen);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("button", { name: `Account: ${email}` })).toBeVisible({ timeout: 15_000 });
  return page;
}

/** Opens an account's row menu on the settings page and picks an action. */
async function rowAction(page: Page, email: string, action: string) {
  await page.goto("/settings");
  await page.getByRole("button", { name: `Actions for ${email}` }).click();
  await page.getByRole("menuitem", { name: action }).click();
}

test.describe("console accounts", () => {
  test("an admin creates an account whose one-time password must be replaced at first sign-in", async ({ page, browser }) => {
    const email = unique("new");
    await signIn(page, demo.admin);
    const oneTime = await createAccount(page, email, "Operator");
    await expect(page.getByRole("row", { name: new RegExp(email) }).getByText("Must change password")).toBeVisible();
    const person = await firstSignIn(browser, email, oneTime, "a password only I know");
    await expect(person.getByRole("navigation", { name: "Sections" }).getByText("Live events")).toBeVisible();
    await person.context().close();
    await page.goto(`/audit?target=${encodeURIComponent(email)}`);
    await expect(page.getByRole("cell", { name: "account.create" })).toBeVisible();
    await expect(page.getByRole("cell", { name: "account.change_password" })).toBeVisible();
    expect(await page.content()).not.toContain(oneTime);
  });

  test("refuses a bad e-mail beside the field and creates nothing", async ({ page }) => {
    await signIn(page, demo.admin);
    await page.goto("/settings");
    await page.getByRole("button", { name: "New account" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("E-mail").fill("not-an-email");
    await dialog.getByLabel("Initial password (optional)").fill("short");
    await dialog.getByRole("button", { name: "Create account" }).click();
    await expect(dialog.getByText("Enter an e-mail address like name@example.com.")).toBeVisible();
    await expect(dialog.getByText("Use at least 12 characters.")).toBeVisible();
    await page.keyboard.press("Escape");
    await page.reload();
    await expect(page.getByRole("cell", { name: "not-an-email" })).toHaveCount(0);
  });

  test("a disabled account's open session ends on its next click", async ({ page, browser }) => {
    const email = unique("leaver");
    await signIn(page, demo.admin);
    const person = await firstSignIn(browser, email, await createAccount(page, email, "Support"), "leaver's own password");
    await rowAction(page, email, "Disable");
    await page.getByRole("dialog").getByRole("button", { name: "Disable" }).click();
    await expect(page.getByRole("row", { name: new RegExp(email) }).getByText("Disabled")).toBeVisible();
    await person.getByRole("link", { name: "Overview" }).first().click();
    await expect(person).toHaveURL(/\/sign-in/);
    await person.context().close();
  });

  test("a role change reaches an open session on its next request", async ({ page, browser }) => {
    const email = unique("promoted");
    await signIn(page, demo.admin);
    const person = await firstSignIn(browser, email, await createAccount(page, email, "Support"), "promoted person's pw");
    expect((await person.goto("/audit"))?.status()).toBe(403);
    await rowAction(page, email, "Change role");
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("combobox", { name: "Role" }).click();
    await page.getByRole("option", { name: /^admin/i }).click();
    await dialog.getByRole("button", { name: "Save role" }).click();
    await expect(page.getByRole("row", { name: new RegExp(email) }).getByRole("cell", { name: "admin", exact: true })).toBeVisible();
    // The session version changed with the role, so the open session ends and must sign in again.
    await person.reload();
    await expect(person).toHaveURL(/\/sign-in/);
    await person.context().close();
  });

  test("a password reset shows a new one-time password once and the old one stops working", async ({ page, browser }) => {
    const email = unique("forgetful");
    await signIn(page, demo.admin);
    const first = await createAccount(page, email, "Support");
    await rowAction(page, email, "Reset password");
    await page.getByRole("dialog").getByRole("button", { name: "Reset password" }).click();
    const second = (await page.getByRole("dialog").getByLabel("One-time password").textContent()) ?? "";
    expect(second).not.toBe(first);
    await page.getByRole("dialog").getByRole("button", { name: "Done" }).click();
    const person = await firstSignIn(browser, email, second, "remembered this time");
    await person.context().close();
  });

  test("everyone can change their own password from their account page", async ({ page, browser }) => {
    const email = unique("self");
    await signIn(page, demo.admin);
    const person = await firstSignIn(browser, email, await createAccount(page, email, "Support"), "first own password");
    await person.getByRole("button", { name: `Account: ${email}` }).click();
    await person.getByRole("menuitem", { name: "Your account" }).click();
    await person.getByLabel("Current password").fill("wrong current pw");
    await person.getByLabel("New password", { exact: true }).fill("second own password");
    await person.getByLabel("New password again").fill("second own password");
    await person.getByRole("button", { name: "Change password" }).click();
    await expect(person.getByText("That is not your current password.")).toBeVisible();
    await person.getByLabel("Current password").fill("first own password");
    await person.getByRole("button", { name: "Change password" }).click();
    await expect(person.getByText("Password changed.")).toBeVisible();
    await person.reload();
    await expect(person.getByRole("heading", { name: "Your account" })).toBeVisible();
    await person.context().close();
  });

  test("an admin cannot disable their own account", async ({ page }) => {
    await signIn(page, demo.admin);
    await page.goto("/settings");
    await page.getByRole("button", { name: `Actions for ${demo.admin}` }).click();
    await expect(page.getByRole("menuitem", { name: "Disable" })).toHaveAttribute("aria-disabled", "true");
  });
});
