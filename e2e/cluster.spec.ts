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
      // Each export is audited before it streams: the 200, plus the probe that counted `before`.
      expect(after - before).toBe(201);
      await page.goto(`${b}/audit`);
      await page.getByRole("button", { name: "Verify chain" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Intact" })).toBeVisible({ timeout: 15_000 });
    } finally {
      await context.close();
    }
  });
});
