import { expect } from "@playwright/test";
import type { Page } from "@playwright/test";

export const demoPassword = "showrunner-demo";
export const demo = {
  admin: "admin@showrunner.local",
  operator: "operator@showrunner.local",
  support: "support@showrunner.local",
} as const;

/** Signs in through the form, as a person would, and waits for the console. */
export async function signIn(page: Page, email: string, password = demoPassword, base = ""): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("button", { name: `Account: ${email}` })).toBeVisible({ timeout: 15_000 });
}
