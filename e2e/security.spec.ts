// What an outsider or a curious insider would try against a running console: redirects out, locking the
// owner out, claiming another address, reusing a signed-out cookie, and HTTPS the console is not told of.
import { spawnSync } from "node:child_process";
import { demo, demoPassword, signIn } from "./auth";
import { expect, intendFaults, test } from "./fixtures";
import { signInFrom } from "../scripts/test/sign-in-request";
import { captureAction, replayAction } from "./requests";
import { badTokenAdmin, e2e } from "./servers";

const evil = ["/.//evil.example/path", "/..//evil.example", "/%2e%2e/%2fevil.example"];

test.describe("an attacker's probe", () => {
  test("sign-in sends you back only to a page of this console, in the browser and in the server's redirect", async ({ page }) => {
    const origin = new URL(e2e.baseURL).origin;
    // The sanitised target is a path of this console that does not exist ("/%2fevil.example"): its 404 is the point.
    intendFaults(/status of 404 .*evil\.example/);
    for (const target of evil) {
      await page.context().clearCookies();
      await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(target)}`);
      await page.getByLabel("E-mail").fill(demo.operator);
      await page.getByLabel("Password").fill(demoPassword);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(page.getByRole("button", { name: `Account: ${demo.operator}` })).toBeVisible({ timeout: 15_000 });
      expect(new URL(page.url()).origin).toBe(origin);
      // Signed in, the sign-in page redirects straight away: its Location must stay here too.
      const redirect = await page.request.get(`/sign-in?callbackUrl=${encodeURIComponent(target)}`, { maxRedirects: 0 });
      expect(redirect.status()).toBe(307);
      expect(new URL(redirect.headers().location ?? "", e2e.baseURL).origin).toBe(origin);
    }
  });

  test("wrong passwords from one address back that address off; the owner signs in from another, and by single sign-on", async ({ browser }) => {
    // The e2e console trusts loopback as its proxy, so each context can be a different client address.
    const attacker = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.66" } });
    const owner = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.44" } });
    try {
      const page = await attacker.newPage();
      await page.goto("/sign-in");
      const alert = page.getByRole("alert").filter({ hasText: /\w/ });
      for (let i = 0; i < 5; i += 1) {
        await page.getByLabel("E-mail").fill(demo.admin);
        await page.getByLabel("Password").fill(`wrong password ${i}`);
        await page.getByRole("button", { name: "Sign in", exact: true }).click();
        await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeEnabled();
      }
      await expect(alert).toContainText("Too many failed attempts from this address");
      // Even the right password is refused from there while it backs off: a guess cannot be confirmed.
      await page.getByLabel("Password").fill(demoPassword);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(alert).toContainText("Too many failed attempts from this address");
      // A verified single sign-on is not stopped by password failures, even from that address.
      await page.getByRole("button", { name: "Sign in with single sign-on" }).click();
      await page.getByLabel("Identity e-mail").fill(demo.admin);
      await page.getByRole("button", { name: "Continue" }).click();
      await expect(page.getByRole("button", { name: `Account: ${demo.admin}` })).toBeVisible({ timeout: 15_000 });

      const mine = await owner.newPage();
      await signIn(mine, demo.admin);
      // The refusals during the back-off are in the audit trail, with the address that made them.
      const audit = await mine.request.get(`/api/audit?action=auth.sign_in&outcome=denied&actor=${encodeURIComponent(demo.admin)}`);
      const { rows } = (await audit.json()) as { rows: { ip: string }[] };
      expect(rows.some((r) => r.ip === "198.51.100.66")).toBe(true);
    } finally {
      await attacker.close();
      await owner.close();
    }
  });

  test("a console that trusts no proxy ignores X-Forwarded-For: a new value each time is the same address", async ({ browser }) => {
    const email = `spoof-${Date.now().toString(36)}@e2e.test`;
    const errors: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      errors.push((await signInFrom("127.0.0.4", e2e.badTokenURL, email, `wrong ${i}`, `10.9.${i}.${i}, ${"9".repeat(3000)}`)).error);
    }
    expect(errors.slice(0, 3)).toEqual(["CredentialsSignin", "CredentialsSignin", "CredentialsSignin"]);
    expect(errors[3]).toMatch(/^throttled:source:/);
    // What the audit kept is the socket's address, not a claim, and never 12,000 characters of one.
    const page = await browser.newPage();
    await signIn(page, badTokenAdmin.email, badTokenAdmin.password, e2e.badTokenURL);
    const audit = await page.request.get(`${e2e.badTokenURL}/api/audit?action=auth.sign_in&actor=${encodeURIComponent(email)}`);
    const { rows } = (await audit.json()) as { rows: { ip: string }[] };
    expect(rows.length).toBe(4);
    expect(new Set(rows.map((r) => r.ip))).toEqual(new Set(["127.0.0.4"]));
  });

  test("a flood of failed sign-ins is refused quickly, and a real sign-in from elsewhere still gets in", async () => {
    const flood = Array.from({ length: 200 }, (_, i) =>
      signInFrom("127.0.0.5", e2e.badTokenURL, `flood-${i}@e2e.test`, "not it", `10.8.${i % 250}.1`).catch(() => ({ status: 0, error: "connection" })),
    );
    const real = await signInFrom("127.0.0.6", e2e.badTokenURL, badTokenAdmin.email, badTokenAdmin.password);
    const answers = await Promise.all(flood);
    expect(real).toMatchObject({ status: 200, error: "" });
    // Beyond the two checks one address may run at once, the flood is turned away at once (429, busy) or, once
    // its failures add up, backed off without a password check ("throttled"): which it meets depends on how
    // its requests arrive.
    const refused = answers.filter((a) => a.status === 429 || a.error.startsWith("throttled")).length;
    expect(refused).toBeGreaterThan(100);
    expect(answers.every((a) => a.status === 429 || a.status === 401)).toBe(true);
  });

  test("after signing out, a copy of the session cookie opens nothing: pages, handlers, actions or next-auth's session", async ({ browser }) => {
    const first = await browser.newContext();
    const copy = await browser.newContext();
    try {
      const page = await first.newPage();
      await signIn(page, demo.support);
      await copy.addCookies(await first.cookies());
      const stolen = await copy.newPage();
      expect((await stolen.request.get("/api/auth/session").then((r) => r.json())) as object).toHaveProperty("user");
      // An action the page sends while signed in, kept to be replayed with the copied cookie later.
      await page.goto("/live-events?state=ended");
      const captured = await captureAction(page, "/live-events*");
      await page.getByRole("button", { name: "Save this view" }).click();
      await page.getByLabel("View name").fill(`after sign-out ${Date.now().toString(36)}`);
      await page.getByRole("button", { name: "Save view" }).click();
      const saveView = await captured();
      await page.keyboard.press("Escape");

      await page.getByRole("button", { name: `Account: ${demo.support}` }).click();
      await page.getByRole("menuitem", { name: "Sign out", exact: true }).click();
      await expect(page).toHaveURL(/\/sign-in/);

      await stolen.goto("/users");
      await expect(stolen).toHaveURL(/\/sign-in/);
      expect((await stolen.request.get("/api/users")).status()).toBe(401);
      expect(await replayAction(stolen, saveView)).toContain("unauthenticated");
      // Last: next-auth's session endpoint also clears the cookie it refuses.
      expect(await stolen.request.get("/api/auth/session").then((r) => r.json())).toEqual({});
    } finally {
      await first.close();
      await copy.close();
    }
  });

  test("HTTPS is believed only from a trusted proxy, and a console whose address is http:// will not serve it", async ({ request }) => {
    // The sendbird-mode console trusts no proxy: a client's claim of HTTPS earns it no HSTS.
    const claimed = await request.get(`${e2e.badTokenURL}/sign-in`, { headers: { "x-forwarded-proto": "https" } });
    expect(claimed.status()).toBe(200);
    expect(claimed.headers()["strict-transport-security"]).toBeUndefined();
    // The emulator-mode console trusts loopback, is told HTTPS, and knows its cookies would not be Secure.
    const told = await request.get(`${e2e.baseURL}/sign-in`, { headers: { "x-forwarded-proto": "https" } });
    expect(told.status()).toBe(500);
    expect(await told.text()).toContain("Set NEXTAUTH_URL to the https:// address");
    expect(told.headers()["set-cookie"]).toBeUndefined();
  });

  test("refuses to start behind a trusted proxy without being told its public address", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      env: { ...process.env, TRUSTED_PROXIES: "10.0.0.1", NEXTAUTH_URL: "", PORT: "3199", EMULATOR_PORT: "8199" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("NEXTAUTH_URL is required when TRUSTED_PROXIES is set");
  });
});
