import { expect } from "@playwright/test";
import type { Browser, Page } from "@playwright/test";

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

/**
 * Signs one account in from two browsers (on two consoles, or one), signs out everywhere from the first,
 * and expects the second to be back at sign-in on its next request.
 */
export async function expectSignOutEverywhereEndsOther(browser: Browser, email: string, password: string, [baseA, baseB]: [string, string]): Promise<void> {
  const first = await browser.newContext();
  const second = await browser.newContext();
  try {
    const a = await first.newPage();
    const b = await second.newPage();
    await signIn(a, email, password, baseA);
    await signIn(b, email, password, baseB);
    await a.getByRole("button", { name: `Account: ${email}` }).click();
    await a.getByRole("menuitem", { name: "Sign out everywhere" }).click();
    await expect(a).toHaveURL(/\/sign-in/, { timeout: 15_000 });
    await b.reload();
    await expect(b).toHaveURL(/\/sign-in/);
  } finally {
    await first.close();
    await second.close();
  }
}
