import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { APIRequestContext, Page } from "@playwright/test";
import { startTestSmtpServer } from "../lib/alerts/testing/smtp-server";
import type { TestSmtpServer } from "../lib/alerts/testing/smtp-server";
import { demo, signIn } from "./auth";
import { expect, test } from "./fixtures";
import { emulator, hostOnAir } from "./requests";

// Alerts end to end: the console's own sampler sees a host drop in the emulator, the evaluator opens an
// alert, a signed webhook and an e-mail reach receivers this spec starts, people see and acknowledge it,
// and it resolves in the channels when the host is back.

interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json: { type: string; id: string; alert: { id: string; rule: { kind: string }; subject: { id: string; url: string } } | null };
}

/** A webhook receiver on this machine that keeps every POST. */
async function startReceiver(): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      received.push({ headers: req.headers, body, json: JSON.parse(body) as Received["json"] });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks/showrunner`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A new event on air with one connected host, made through the emulator as a client app would. */
async function eventOnAir(request: APIRequestContext, title: string): Promise<string> {
  const { users } = await emulator<{ users: { user_id: string }[] }>(request, "GET", "/v3/users?limit=5&active_mode=activated");
  const hostId = users[0]?.user_id ?? "";
  const { live_event } = await emulator<{ live_event: { live_event_id: string } }>(request, "POST", "/v1/live-events", {
    host_type: "single_host",
    user_ids_for_host: [hostId],
    title,
  });
  const id = live_event.live_event_id;
  await emulator(request, "POST", `/v1/live-events/${id}/ready`);
  await emulator(request, "POST", `/v1/live-events/${id}/start`);
  await hostOnAir(request, id, hostId);
  return id;
}

async function addChannel(page: Page, kind: "webhook" | "email", fields: Record<string, string>, security?: string) {
  await page.getByRole("button", { name: "New channel" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Kind").selectOption(kind);
  for (const [label, value] of Object.entries(fields)) await dialog.getByLabel(label, { exact: true }).fill(value);
  if (security) await dialog.getByLabel("Security").selectOption(security);
  await dialog.getByRole("button", { name: "Add channel" }).click();
}

/** A rule added through the form: what it watches, its thresholds by their labels, and the channels it notifies. */
async function addRule(page: Page, name: string, kind: string, thresholds: Record<string, string>, channels: string[]) {
  await page.getByRole("button", { name: "New rule" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Watches").selectOption(kind);
  await dialog.getByLabel("Name").fill(name);
  for (const [label, value] of Object.entries(thresholds)) await dialog.getByLabel(label).fill(value);
  for (const channel of channels) await dialog.getByLabel(channel).check();
  await dialog.getByRole("button", { name: "Add rule" }).click();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toBeVisible();
}

/** Deletes rules and channels through their buttons, each confirmed. */
async function removeAll(page: Page, items: (readonly ["rule" | "channel", string])[]) {
  await page.goto("/alerts/setup");
  for (const [what, name] of items) {
    await page.getByRole("button", { name: `Delete ${what} ${name}` }).click();
    await page
      .getByRole("dialog")
      .getByRole("button", { name: `Delete ${what}` })
      .click();
    await expect(page.getByRole("button", { name: `Delete ${what} ${name}` })).toHaveCount(0);
  }
}

let receiver: Awaited<ReturnType<typeof startReceiver>>;
let smtp: TestSmtpServer;

test.beforeAll(async () => {
  receiver = await startReceiver();
  smtp = await startTestSmtpServer();
});
test.afterAll(async () => {
  await receiver.close();
  await smtp.close();
});

test.describe("alerts", () => {
  test("a host drop reaches a signed webhook and an e-mail, shows on the board, is acknowledged and resolves", async ({ page, request }) => {
    test.setTimeout(120_000);
    const stamp = Date.now();
    const title = `E2E alert show ${stamp}`;
    const id = await eventOnAir(request, title);
    await signIn(page, demo.admin);
    await page.goto("/alerts/setup");

    // Addresses into the operator's network are refused with a reason, and nothing is added.
    await addChannel(page, "webhook", { Name: `Internal ${stamp}`, Address: "https://169.254.169.254/latest/meta-data" });
    await expect(page.getByRole("dialog").getByText(/link-local|metadata|169\.254/i)).toBeVisible();
    await page.keyboard.press("Escape");
    await addChannel(page, "webhook", { Name: `Internal ${stamp}`, Address: "http://10.0.0.5/hook" });
    await expect(page.getByRole("dialog").getByText(/http:\/\/ is allowed only|private/i)).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("table").getByText(`Internal ${stamp}`)).toHaveCount(0);

    // A signed webhook: its secret is shown once, then only masked.
    const hookName = `E2E hook ${stamp}`;
    await addChannel(page, "webhook", { Name: hookName, Address: receiver.url });
    const secret = ((await page.getByRole("status", { name: "Signing secret" }).textContent()) ?? "").trim();
    expect(secret).toMatch(/^whsec_/);
    await page.getByRole("button", { name: "Done" }).click();
    await expect(page.getByRole("row", { name: new RegExp(hookName) })).toContainText(`••••${secret.slice(-4)}`);
    await expect(page.locator("body")).not.toContainText(secret);

    const mailName = `E2E mail ${stamp}`;
    await addChannel(
      page,
      "email",
      { Name: mailName, "SMTP server": "127.0.0.1", Port: String(smtp.port), From: "alerts@showrunner.test", To: "oncall@showrunner.test" },
      "none",
    );
    await expect(page.getByRole("row", { name: new RegExp(mailName) })).toBeVisible();

    // "Send a test" reaches the receiver and is in the delivery log.
    await page.getByRole("button", { name: `Send a test to ${hookName}` }).click();
    await expect(page.getByText(`The test reached “${hookName}”.`)).toBeVisible();
    expect(receiver.received.some((r) => r.json.type === "alert.test")).toBe(true);

    // A rule with a threshold out of bounds is refused beside the field.
    const ruleName = `E2E host drop ${stamp}`;
    await page.getByRole("button", { name: "New rule" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name").fill(ruleName);
    await dialog.getByLabel("For longer than (seconds)").fill("-5");
    await dialog.getByRole("button", { name: "Add rule" }).click();
    await expect(dialog.getByText("Use 0–86,400 seconds.")).toBeVisible();
    await dialog.getByLabel("For longer than (seconds)").fill("0");
    await dialog.getByLabel(hookName).check();
    await dialog.getByLabel(mailName).check();
    await dialog.getByRole("button", { name: "Add rule" }).click();
    await expect(page.getByRole("row", { name: new RegExp(ruleName) })).toContainText(`${hookName}, ${mailName}`);

    // The host drops; the next sample opens the alert and the webhook gets it, signed, once.
    await emulator(request, "POST", `/__emulator/live-events/${id}/incidents/host-drop`, { hold: true });
    const ours = (type: string) => receiver.received.filter((r) => r.json.type === type && r.json.alert?.subject.id === id);
    await expect.poll(() => ours("alert.opened").length, { timeout: 20_000 }).toBe(1);
    const [opened] = ours("alert.opened");
    const signature = String(opened?.headers["showrunner-signature"] ?? "");
    const t = /t=(\d+)/.exec(signature)?.[1] ?? "";
    expect(signature).toBe(
      `t=${t},v1=${createHmac("sha256", secret)
        .update(`${t}.${opened?.body ?? ""}`)
        .digest("hex")}`,
    );
    expect(opened?.json.alert?.subject.url).toMatch(new RegExp(`/live-events/${id}$`));
    const mail = await smtp.waitFor((m) => m.subject.includes(ruleName) && m.text.includes(id), 20_000);
    expect(mail.to).toEqual(["oncall@showrunner.test"]);

    // People see it: on the board's card, on the event's page, and in the alerts list.
    // The board's read of what is on air is shared for up to one refresh (5 s), and it refreshes every 5 s.
    await page.goto("/live-events/live");
    await expect(page.getByRole("list", { name: `Open alerts on ${title}` })).toContainText(ruleName, { timeout: 15_000 });
    await page.goto(`/live-events/${id}`);
    await expect(page.getByRole("list", { name: `Open alerts on ${title}` })).toContainText(ruleName);
    await page.goto("/alerts");
    const row = page.getByRole("row", { name: new RegExp(title) }).filter({ hasText: ruleName });
    await expect(row).toContainText("Open");
    await row.getByRole("button", { name: /^Acknowledge/ }).click();
    await expect(row).toContainText(`Acknowledged by ${demo.admin}`);

    // Still dropped: no second message. The host is back: one resolution.
    expect(ours("alert.opened")).toHaveLength(1);
    await emulator(request, "POST", `/__emulator/live-events/${id}/incidents/recover`, {});
    await expect.poll(() => ours("alert.resolved").length, { timeout: 20_000 }).toBe(1);
    await page.reload();
    await expect(page.getByRole("row", { name: new RegExp(title) }).filter({ hasText: ruleName })).toContainText("Resolved");

    // The acknowledgement and the rule are in the audit trail.
    await page.goto(`/audit?action=alert.acknowledge`);
    await expect(page.getByRole("table")).toContainText(demo.admin);

    // Clean up, so later specs' drops do not notify receivers that are gone.
    await removeAll(page, [
      ["rule", ruleName],
      ["channel", hookName],
      ["channel", mailName],
    ]);
  });

  test("an audience crash, nobody streaming, failing calls, Sendbird failing and a stalled sync each reach the webhook", async ({ page, request }) => {
    test.setTimeout(240_000);
    const stamp = Date.now();
    const title = `E2E crash show ${stamp}`;
    const id = await eventOnAir(request, title);
    await emulator(request, "POST", `/__emulator/live-events/${id}/participants/join`, { count: 40 });
    // Before the rule is on, so its first reading of the last hour's calls already holds them.
    await emulator(request, "POST", "/__emulator/direct-calls/incidents/failures", { count: 1000, end_result: "connection_lost" });
    await signIn(page, demo.admin);
    await page.goto("/alerts/setup");
    const hookName = `E2E every rule ${stamp}`;
    await addChannel(page, "webhook", { Name: hookName, Address: receiver.url });
    await page.getByRole("button", { name: "Done" }).click();
    const rules = {
      audience: `E2E crash ${stamp}`,
      streaming: `E2E streaming ${stamp}`,
      calls: `E2E calls ${stamp}`,
      sendbird: `E2E Sendbird ${stamp}`,
      sync: `E2E sync ${stamp}`,
    };
    await addRule(page, rules.audience, "audience_drop", {}, [hookName]);
    await addRule(page, rules.streaming, "no_host_streaming", { "For longer than (seconds)": "0" }, [hookName]);
    await addRule(page, rules.calls, "call_failures", { "More than (%)": "50" }, [hookName]);
    const opened = (kind: string, subject: string) =>
      receiver.received.filter((r) => r.json.type === "alert.opened" && r.json.alert?.rule.kind === kind && r.json.alert.subject.id === subject).length;

    await expect.poll(() => opened("call_failures", "direct-calls"), { timeout: 20_000 }).toBe(1);
    // The audience has been sampled (every 2 s here); then most of it leaves at once, and the host drops.
    await page.waitForTimeout(5_000);
    await emulator(request, "POST", `/__emulator/live-events/${id}/incidents/audience-crash`, { fraction: 0.8 });
    await emulator(request, "POST", `/__emulator/live-events/${id}/incidents/host-drop`, { hold: true });
    await expect.poll(() => opened("audience_drop", id), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => opened("no_host_streaming", id), { timeout: 20_000 }).toBe(1);
    await emulator(request, "POST", `/__emulator/live-events/${id}/incidents/recover`, {});

    // Sendbird fails every request for over a minute: the console says so, and so does the stalled sync.
    await addRule(page, rules.sendbird, "sendbird_failing", { "For longer than (minutes)": "1" }, [hookName]);
    await addRule(page, rules.sync, "sync_stalled", { "For longer than (minutes)": "1" }, [hookName]);
    for (const path of ["/v1/*", "/v3/*"]) await emulator(request, "POST", "/__emulator/faults", { path, status: 503 });
    try {
      await expect.poll(() => opened("sendbird_failing", "sendbird"), { timeout: 100_000, intervals: [1000] }).toBe(1);
      await expect.poll(() => opened("sync_stalled", "activity-sync"), { timeout: 60_000, intervals: [1000] }).toBe(1);
    } finally {
      await emulator(request, "DELETE", "/__emulator/faults");
    }
    const resolved = () => receiver.received.filter((r) => r.json.type === "alert.resolved" && r.json.alert?.subject.id === "sendbird").length;
    await expect.poll(resolved, { timeout: 20_000 }).toBe(1);

    await removeAll(page, [...Object.values(rules).map((name) => ["rule", name] as const), ["channel", hookName]]);
  });

  test("support reads alerts but cannot acknowledge them or open the rules", async ({ page }) => {
    await signIn(page, demo.support);
    await page.goto("/alerts");
    await expect(page.getByRole("heading", { name: "Alerts", level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: "Rules and channels" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Acknowledge/ })).toHaveCount(0);
    const refused = await page.goto("/alerts/setup");
    expect(refused?.status()).toBe(403);
  });
});
