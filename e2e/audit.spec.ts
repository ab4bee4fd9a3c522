import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures";
import { demo, signIn } from "./auth";

test.describe("the audit trail", () => {
  test("records sign-ins and keeps the filters in the URL", async ({ page, browser }) => {
    const other = await browser.newContext();
    await signIn(await other.newPage(), demo.support);
    await other.close();
    await signIn(page, demo.admin);
    await page.goto("/audit");
    await page.getByLabel("Actor").fill("support@");
    await page.getByLabel("Action").selectOption("auth.sign_in");
    await page.getByLabel("Outcome").selectOption("success");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/actor=support%40.*action=auth.sign_in.*outcome=success/);
    const rows = page.getByRole("row").filter({ hasText: "auth.sign_in" });
    await expect(rows.first()).toContainText(demo.support);
    const count = await rows.count();
    await page.reload();
    await expect(page.getByRole("row").filter({ hasText: "auth.sign_in" })).toHaveCount(count);
    await expect(page.getByLabel("Actor")).toHaveValue("support@");
  });

  test("pages older and back newer", async ({ page }) => {
    await signIn(page, demo.admin);
    // Each export is audited: 60 of them make sure there is more than one page of 50 rows.
    for (let round = 0; round < 12; round += 1) {
      await Promise.all(Array.from({ length: 5 }, () => page.request.get("/api/audit/export?action=none")));
    }
    await page.goto("/audit");
    const older = page.getByRole("link", { name: "Older" });
    const firstRow = await page.getByRole("row").nth(1).textContent();
    await older.click();
    await expect(page).toHaveURL(/before=\d+/);
    await page.getByRole("link", { name: "Newer" }).click();
    await expect(page).toHaveURL(/after=\d+/);
    await expect(page.getByRole("row").nth(1)).toHaveText(firstRow ?? "");
  });

  test("exports the filtered rows as CSV with progress, and the export is itself audited", async ({ page }) => {
    await signIn(page, demo.admin);
    await page.goto("/audit?action=auth.sign_in");
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export CSV" }).click();
    const file = await download;
    await expect(page.getByText(/Exported [\d,]+ rows\./)).toBeVisible();
    const text = readFileSync((await file.path()) ?? "", "utf8");
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toMatch(/^id,time,actor,action,/);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((l) => l.includes(",auth.sign_in,"))).toBe(true);
    await page.goto("/audit?action=audit.export");
    await expect(page.getByRole("cell", { name: "audit.export" }).first()).toBeVisible();
  });

  test("verifies the chain and says it is intact", async ({ page }) => {
    await signIn(page, demo.admin);
    await page.goto("/audit");
    await page.getByRole("button", { name: "Verify chain" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Intact" })).toContainText(/all [\d,]+ rows hash and link correctly/);
  });
});
