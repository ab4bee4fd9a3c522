import { expect, test } from "./fixtures";
import { defaultMasterToken } from "../lib/emulator/emulator";
import { demo, signIn } from "./auth";
import { e2e } from "./servers";

test.describe("avatars", () => {
  test("come through the console's image proxy, so the case file and the list ask no other host for anything", async ({ page, request }) => {
    const userId = `e2e-avatar-${Date.now()}`;
    const avatar = `https://avatars.showrunner.example/${userId}.png`;
    const made = await request.post(`${e2e.emulatorURL}/v3/users`, {
      headers: { "Api-Token": defaultMasterToken },
      data: { user_id: userId, nickname: "Avatar Person", profile_url: avatar },
    });
    expect(made.ok(), await made.text()).toBe(true);
    await signIn(page, demo.support);
    const origin = new URL(page.url()).origin;
    const requested: string[] = [];
    page.on("request", (r) => requested.push(r.url()));
    const image = () => page.waitForResponse((r) => r.request().resourceType() === "image" && r.url().includes(encodeURIComponent(avatar)));

    const shown = image();
    const opened = await page.goto(`/users/${encodeURIComponent(userId)}`);
    expect(opened?.headers()["content-security-policy"]).toContain("img-src 'self' blob: data:;");
    const answer = await shown;
    const src = new URL(answer.url());
    expect(src.origin).toBe(origin);
    expect(src.pathname).toBe("/api/images");
    expect(src.searchParams.get("u")).toBe(avatar);
    // That host does not exist: the proxy says so without an error status (which the browser would log), and
    // the initial stands in for the image.
    expect(answer.status()).toBe(204);
    expect(["image_unreachable", "image_timeout"]).toContain(answer.headers()["x-image-unavailable"]);
    await expect(page.getByRole("main").locator('[data-slot="avatar-fallback"]')).toHaveText("A");

    const listed = image();
    await page.goto(`/users?nicknamePrefix=${encodeURIComponent("Avatar Person")}`);
    expect(new URL((await listed).url()).pathname).toBe("/api/images");
    await expect(page.locator("tbody tr").filter({ hasText: userId }).locator('[data-slot="avatar-fallback"]')).toHaveText("A");

    expect(requested.filter((url) => !url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url))).toEqual([]);
    expect((await request.get(`${src.pathname}${src.search}`)).status()).toBe(401);
  });
});
