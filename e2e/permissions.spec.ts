import { expect, test } from "./fixtures";
import { demo, signIn } from "./auth";

/** The admin-only pages and their handlers (e2e/inventory.spec.ts requests every route as every role). */
const adminOnly = [
  { page: "/tokens", api: "/api/tokens" },
  { page: "/settings", api: "/api/accounts" },
  { page: "/audit", api: "/api/audit" },
  { page: "/audit", api: "/api/audit/export" },
];

test.describe("one gate", () => {
  for (const role of ["support", "operator"] as const) {
    test(`${role} gets the 403 page for tokens, accounts and the audit trail, and 403 from their handlers`, async ({ page }) => {
      await signIn(page, demo[role]);
      for (const { page: path, api } of adminOnly) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(403);
        await expect(page.getByRole("heading", { name: "Not available to your role" })).toBeVisible();
        // Drawn inside the console's frame, once.
        await expect(page.getByRole("navigation", { name: "Sections" })).toHaveCount(1);
        await expect(page.getByRole("banner")).toHaveCount(1);
        const answer = await page.request.get(api);
        expect(answer.status(), api).toBe(403);
        expect(await answer.json()).toEqual({ error: { code: "forbidden", message: expect.any(String) } });
      }
    });
  }

  test("an admin opens tokens, accounts and the audit trail", async ({ page }) => {
    await signIn(page, demo.admin);
    await page.goto("/tokens");
    await expect(page.getByRole("heading", { name: "Secondary API tokens" })).toBeVisible();
    await expect(page.getByText(/\d+ of 10 slots used/)).toBeVisible();
    await page.goto("/settings");
    await expect(page.getByRole("cell", { name: demo.support, exact: true })).toBeVisible();
    await page.goto("/audit");
    await expect(page.getByRole("heading", { name: "Audit trail" })).toBeVisible();
    const tokens = await page.request.get("/api/tokens");
    expect(tokens.status()).toBe(200);
    const body = JSON.stringify(await tokens.json());
    // Masked: no token value (the emulator's are 40 hex characters) ever leaves the server.
    expect(body).not.toMatch(/[0-9a-f]{20,}/);
  });

  test("bad filters in the URL get a message, not an error page", async ({ page }) => {
    await signIn(page, demo.admin);
    await page.goto("/audit?from=yesterday&outcome=maybe");
    await expect(page.getByText("These filters cannot be applied")).toBeVisible();
    const answer = await page.request.get("/api/audit?before=1;drop");
    expect(answer.status()).toBe(400);
    expect((await answer.json()).error.code).toBe("invalid_query");
  });
});
