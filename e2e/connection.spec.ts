import { expect, test } from "./fixtures";
import { demo, signIn } from "./auth";
import { badTokenAdmin, e2e } from "./servers";

test.describe("the connection page", () => {
  test("reports both hosts healthy and the master token against the emulator", async ({ page }) => {
    await signIn(page, demo.support);
    await expect(page.getByRole("heading", { name: "Connection" })).toBeVisible();
    await expect(page.getByText("Emulator · demo data")).toBeVisible();
    const calls = page.getByRole("heading", { name: "Live & Calls API" }).locator("xpath=ancestor::*[@data-slot='card'][1]");
    const chat = page.getByRole("heading", { name: "Chat API" }).locator("xpath=ancestor::*[@data-slot='card'][1]");
    await expect(calls.getByText("Answering")).toBeVisible();
    await expect(chat.getByText("Answering")).toBeVisible();
    await expect(page.getByText("Master token")).toBeVisible();
    await expect(page.getByText("Token management is possible")).toBeVisible();
  });

  test("checks again on request", async ({ page }) => {
    await signIn(page, demo.operator);
    const checked = page.getByText(/^Checked at/);
    const before = await checked.textContent();
    await page.waitForTimeout(1100);
    await page.getByRole("button", { name: "Check again" }).click();
    await expect(checked).not.toHaveText(before ?? "");
  });

  test("explains a rejected token in plain words", async ({ page }) => {
    await signIn(page, badTokenAdmin.email, badTokenAdmin.password, e2e.badTokenURL);
    await expect(page.getByText("Sendbird app e2e-bad-token")).toBeVisible();
    await expect(page.getByText("API token rejected").first()).toBeVisible();
    await expect(page.getByText(/Check SENDBIRD_API_TOKEN/).first()).toBeVisible();
    await expect(page.getByText("Not answering").first()).toBeVisible();
  });

  test("shows a designed page for an unknown address", async ({ page }) => {
    await signIn(page, demo.admin);
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Back to the overview" })).toBeVisible();
  });

  test("sends the security headers and never the API token", async ({ request }) => {
    const res = await request.get("/");
    const headers = res.headers();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBeTruthy();
    expect(await res.text()).not.toContain("emulator-master-token-0000000000000000000");
  });
});
