import { expect, test } from "./fixtures";
import { expectSignOutEverywhereEndsOther, signIn } from "./auth";
import { cluster, clusterAdmin } from "./servers";

const [a, b] = cluster.urls;

test.describe("two consoles on one Postgres server", () => {
  test.beforeAll(async ({ request }) => {
    await expect.poll(async () => (await request.get(`${a}/sign-in`).catch(() => null))?.status(), { timeout: 120_000 }).toBe(200);
  });

  test("sign out everywhere on one instance ends the session on the other", async ({ browser }) => {
    await expectSignOutEverywhereEndsOther(browser, clusterAdmin.email, clusterAdmin.password, [a, b]);
  });

  test("200 audit writes spread over both keep one intact chain", async ({ browser }) => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      // One session works on both instances: they share the session secret and the accounts table.
      await signIn(page, clusterAdmin.email, clusterAdmin.password, a);
      const before = Number((await page.request.get(`${a}/api/audit/export?action=audit.export`)).headers()["x-total-rows"]);
      for (let round = 0; round < 20; round += 1) {
        const writes = Array.from({ length: 10 }, (_, i) => page.request.get(`${i % 2 ? b : a}/api/audit/export?action=none`));
        for (const response of await Promise.all(writes)) expect(response.status()).toBe(200);
      }
      const after = Number((await page.request.get(`${b}/api/audit/export?action=audit.export`)).headers()["x-total-rows"]);
      // Each export is audited as it ends: the 200, plus the probe that counted `before`.
      expect(after - before).toBe(201);
      await page.goto(`${b}/audit`);
      await page.getByRole("button", { name: "Verify chain" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Intact" })).toBeVisible({ timeout: 15_000 });
    } finally {
      await context.close();
    }
  });

  test("a saved view made on one instance is listed on the other, and its author deletes it there", async ({ page }) => {
    const name = `Ended, 20 a page ${Date.now()}`;
    const views = page.getByRole("navigation", { name: "Saved views", exact: true });
    const link = views.getByRole("link", { name, exact: true });
    await signIn(page, clusterAdmin.email, clusterAdmin.password, a);
    await page.goto(`${a}/live-events?state=ended&limit=20`);
    await views.getByRole("button", { name: "Save this view", exact: true }).click();
    await page.getByRole("dialog").getByLabel("View name").fill(name);
    await page.getByRole("dialog").getByRole("button", { name: "Save view", exact: true }).click();
    await expect(link).toHaveAttribute("aria-current", "page");

    await page.goto(`${b}/live-events`);
    await link.click();
    await expect(page).toHaveURL(/state=ended.*limit=20/);
    expect(new URL(page.url()).origin).toBe(b);
    await views.getByRole("button", { name: `Delete view ${name}`, exact: true }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete view", exact: true }).click();
    // The dialog closes only when the delete succeeded; while it is open the list behind it is hidden.
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expect(link).toHaveCount(0);

    await expect(async () => {
      await page.goto(`${a}/live-events`);
      await expect(views).toBeVisible({ timeout: 2_000 });
      await expect(link).toHaveCount(0, { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
  });

  test("an account made on one instance signs in for the first time on the other", async ({ page, browser }) => {
    const email = `first-${Date.now().toString(36)}@e2e.test`;
    await signIn(page, clusterAdmin.email, clusterAdmin.password, a);
    await page.goto(`${a}/settings`);
    await page.getByRole("button", { name: "New account", exact: true }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("E-mail").fill(email);
    await dialog.getByRole("combobox", { name: "Role" }).click();
    await page.getByRole("option", { name: /^support/i }).click();
    await dialog.getByRole("button", { name: "Create account", exact: true }).click();
    const oneTime = (await dialog.getByLabel("One-time password").textContent()) ?? "";
    expect(oneTime).not.toBe("");
    await dialog.getByRole("button", { name: "Done", exact: true }).click();

    const other = await browser.newContext();
    try {
      const person = await other.newPage();
      await person.goto(`${b}/sign-in`);
      await person.getByLabel("E-mail").fill(email);
      await person.getByLabel("Password").fill(oneTime);
      await person.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(person.getByRole("heading", { name: "Choose a new password" })).toBeVisible({ timeout: 15_000 });
      await person.getByLabel("Current password").fill(oneTime);
      await person.getByLabel("New password", { exact: true }).fill("chosen on the other instance");
      await person.getByLabel("New password again").fill("chosen on the other instance");
      await person.getByRole("button", { name: "Change password", exact: true }).click();
      await expect(person.getByRole("button", { name: `Account: ${email}` })).toBeVisible({ timeout: 15_000 });
      expect(new URL(person.url()).origin).toBe(b);
    } finally {
      await other.close();
    }

    // The first instance reads the same row: the one-time password is spent.
    await page.goto(`${a}/settings`);
    const row = page.getByRole("row").filter({ hasText: email });
    await expect(row.getByText("Active", { exact: true })).toBeVisible();
    await expect(row.getByText("Must change password", { exact: true })).toHaveCount(0);
  });

  test("wrong passwords spread over both instances back the address off on both", async ({ page }) => {
    // Failures count per e-mail and address whether or not an account has the e-mail, so an unknown one stops nobody else.
    const email = `spread-${Date.now().toString(36)}@e2e.test`;
    const alert = page.getByRole("alert").filter({ hasText: /\w/ });
    const attempt = async (base: string, password: string) => {
      await page.goto(`${base}/sign-in`);
      await page.getByLabel("E-mail").fill(email);
      await page.getByLabel("Password").fill(password);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
    };
    // A, B, A: three failures, none backed off yet; the third starts the address's back-off.
    for (let i = 0; i < 3; i += 1) {
      await attempt(i % 2 ? b : a, `wrong password ${i}`);
      await expect(alert).toContainText("do not match an active account");
    }
    // B's second is refused: only a count both instances share reaches three.
    await attempt(b, "wrong password 3");
    await expect(alert).toContainText("Too many failed attempts from this address");
    await attempt(a, "wrong password 4");
    await expect(alert).toContainText("Too many failed attempts from this address");
  });
});
