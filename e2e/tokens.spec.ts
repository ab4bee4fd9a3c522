import { answerRecorded, expect, test } from "./fixtures";
import { demo, signIn } from "./auth";
import { captureAction, emulator, replayAction } from "./requests";
import { cluster, clusterAdmin, clusterSecondaryToken } from "./servers";

type Listed = { api_tokens: { token: string; created_at: number }[] };

test.describe("secondary API tokens", () => {
  test("an admin generates a token and sees it once, then only masked, and revokes it with its last four typed", async ({ page, request }) => {
    await signIn(page, demo.admin);
    await page.goto("/tokens");
    await page.getByRole("button", { name: "Generate token" }).click();
    const shown = page.getByRole("dialog").getByLabel("New API token");
    await expect(shown).toHaveText(/\S{20,}/);
    const token = (await shown.textContent()) ?? "";
    const last4 = token.slice(-4);
    await answerRecorded(token);
    await expect(page.getByRole("dialog")).toContainText("It will not be shown again");
    await page.getByRole("button", { name: "I have stored it" }).click();

    await page.reload();
    await expect(page.getByLabel(`Token ending in ${last4}`, { exact: true })).toBeVisible();
    expect(await page.content()).not.toContain(token);
    const listed = await emulator<Listed>(request, "GET", "/v3/applications/api_tokens");
    expect(listed.api_tokens.map((t) => t.token)).toContain(token);

    await page.getByRole("button", { name: `Revoke token ending in ${last4}` }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Last four characters").fill("nope");
    await dialog.getByRole("button", { name: "Revoke token" }).click();
    await expect(dialog.getByText(`Type ${last4}, the token's last four characters, to revoke it.`)).toBeVisible();
    await dialog.getByLabel("Last four characters").fill(last4);
    await dialog.getByRole("button", { name: "Revoke token" }).click();
    await expect(page.getByLabel(`Token ending in ${last4}`, { exact: true })).toHaveCount(0);
    const after = await emulator<Listed>(request, "GET", "/v3/applications/api_tokens");
    expect(after.api_tokens.map((t) => t.token)).not.toContain(token);

    await page.goto(`/audit?target=${encodeURIComponent(`…${last4}`)}`);
    await expect(page.getByRole("row").filter({ hasText: "api_token.generate" }).filter({ hasText: "success" })).toHaveCount(1);
    await expect(page.getByRole("row").filter({ hasText: "api_token.revoke" }).filter({ hasText: "success" })).toHaveCount(1);
    expect(await page.content()).not.toContain(token);
  });

  test("an admin rotates a token through every step, leaving and resuming on the way", async ({ page, request }) => {
    // A token of its own to rotate, so other tests' tokens are left alone.
    const { token: old } = await emulator<{ token: string }>(request, "POST", "/v3/applications/api_tokens", {});
    const oldLast4 = old.slice(-4);
    await signIn(page, demo.admin);
    await page.goto("/tokens");
    await page.getByRole("button", { name: `Rotate token ending in ${oldLast4}` }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Generate replacement" }).click();
    const shown = page.getByRole("dialog").getByLabel("New API token");
    await expect(shown).toHaveText(/\S{20,}/);
    const replacement = (await shown.textContent()) ?? "";
    await expect(page.getByRole("dialog")).toContainText("SENDBIRD_API_TOKEN");
    await page.getByRole("button", { name: "I have stored it" }).click();

    // Leave, and come back: the rotation waits at its step.
    await page.goto("/");
    await page.goto("/tokens");
    const panel = page.getByRole("region", { name: `Rotating the token ending in ${oldLast4}` });
    await expect(panel).toContainText(`SENDBIRD_API_TOKEN=<the new token, ending in ${replacement.slice(-4)}>`);
    await expect(panel.getByRole("button", { name: "Revoke old token and finish" })).toBeDisabled();
    expect(await page.content()).not.toContain(replacement);

    await panel.getByLabel("Paste the new token").fill(old);
    await panel.getByRole("button", { name: "Check token" }).click();
    await expect(panel.getByText(`That is not the new token ending in ${replacement.slice(-4)}.`, { exact: false })).toBeVisible();
    await panel.getByLabel("Paste the new token").fill(replacement);
    await panel.getByRole("button", { name: "Check token" }).click();
    await expect(panel.getByText(/Sendbird answered a read made with it at/)).toBeVisible();
    await panel.getByLabel("Last four characters of the old token").fill(replacement.slice(-4));
    await panel.getByRole("button", { name: "Revoke old token and finish" }).click();
    await expect(panel.getByText(`Type ${oldLast4}, the old token's last four characters, to revoke it.`)).toBeVisible();
    await panel.getByLabel("Last four characters of the old token").fill(oldLast4);
    await panel.getByRole("button", { name: "Revoke old token and finish" }).click();
    await expect(panel).toHaveCount(0);
    await expect(page.getByLabel(`Token ending in ${oldLast4}`, { exact: true })).toHaveCount(0);
    await expect(page.getByLabel(`Token ending in ${replacement.slice(-4)}`, { exact: true })).toBeVisible();
    const listed = await emulator<Listed>(request, "GET", "/v3/applications/api_tokens");
    expect(listed.api_tokens.map((t) => t.token)).not.toContain(old);
    expect(listed.api_tokens.map((t) => t.token)).toContain(replacement);

    await page.goto(`/audit?target=${encodeURIComponent(`…${oldLast4}`)}`);
    for (const step of ["api_token.rotation.start", "api_token.rotation.check", "api_token.rotation.finish"]) {
      await expect(page.getByRole("row").filter({ hasText: step }).filter({ hasText: "success" }).first()).toBeVisible();
    }
    const audit = await page.content();
    expect(audit).not.toContain(old);
    expect(audit).not.toContain(replacement);
  });

  test("operator and support are refused the page and a forged generate", async ({ page, browser, request }) => {
    const before = (await emulator<Listed>(request, "GET", "/v3/applications/api_tokens")).api_tokens.length;
    await signIn(page, demo.admin);
    await page.goto("/tokens");
    const captured = await captureAction(page, "/tokens");
    await page.getByRole("button", { name: "Generate token" }).click();
    const forged = await captured();
    for (const role of ["operator", "support"] as const) {
      const other = await (await browser.newContext()).newPage();
      await signIn(other, demo[role]);
      expect((await other.goto("/tokens"))?.status()).toBe(403);
      expect(await replayAction(other, forged)).toContain("forbidden");
      await other.context().close();
    }
    expect((await emulator<Listed>(request, "GET", "/v3/applications/api_tokens")).api_tokens.length).toBe(before);
  });

  test("a console running on a secondary token says only the master token can manage tokens, and shows nothing it cannot know", async ({ page }) => {
    await signIn(page, clusterAdmin.email, clusterAdmin.password, cluster.urls[1]);
    const answer = await page.goto(`${cluster.urls[1]}/tokens`);
    expect(answer?.status()).toBe(200);
    await expect(page.getByText("Token management needs the master token")).toBeVisible();
    await expect(page.getByText(`ending in ${clusterSecondaryToken.slice(-4)}`)).toBeVisible();
    await expect(page.getByRole("button", { name: "Generate token" })).toHaveCount(0);
    await expect(page.getByText(/slots used/)).toHaveCount(0);
    expect(await page.content()).not.toContain(clusterSecondaryToken);
  });
});
