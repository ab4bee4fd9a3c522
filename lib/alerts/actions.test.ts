import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from "vitest";
import { listAudit } from "@/lib/audit/store";
import type { SessionUser } from "@/lib/auth/session";
import type { OpenDatabase } from "@/lib/db";
import { alertChannels, alertRules, alerts } from "@/lib/db/schema";
import { freshDatabase } from "@/lib/db/testing";
import { strictPolicy } from "@/lib/net/destinations";
import { noSendbird } from "@/lib/sendbird/testing/emulated";
import { acknowledgeAlert, createChannel, createRule, deleteChannel, deleteRule, testChannel, updateChannel, updateRule, useAlertRuntime } from "./actions";
import { listChannels } from "./channels/store";
import { recentDeliveries } from "./deliveries";
import { createEvaluator } from "./evaluator";
import { findRule, listAlerts } from "./store";
import { account, act, bodyOf, changeRule, done, ofType, only, receiver, runtime, signedWith, webhookChannel } from "./testing/fixtures";

// What admins and operators do about alerting, through the same gate as every server action, on a real
// database and real HTTP receivers.

const t0 = Date.UTC(2026, 10, 1, 12, 0, 0);
const minute = 60_000;

let d: OpenDatabase;
let admin: SessionUser;
beforeAll(async () => {
  useAlertRuntime(() => runtime);
  d = await freshDatabase("pglite");
  admin = await account(d.db, "admin");
}, 30_000);
afterAll(async () => {
  useAlertRuntime(null);
  await d.close();
});

const rows = async (table: typeof alertRules | typeof alertChannels) => (await d.db.select({ n: count() }).from(table))[0]?.n;

describe("acknowledging an alert", () => {
  test("records who and when, is audited, and stops the reminders", async () => {
    const operator = await account(d.db, "operator");
    const hook = await receiver();
    await changeRule(d.db, admin, "Activity sync stalled", { enabled: true, channelIds: [(await webhookChannel(d.db, admin, hook.url)).id], remindMinutes: 1 });
    let clock = t0;
    // The activity sync has not finished a pass for 31 minutes: the rule opens at the first round.
    const evaluator = createEvaluator({ db: d.db, client: noSendbird, ...runtime, sync: { enabled: true, since: t0 - 31 * minute }, now: () => clock });
    const opened = await evaluator.round(null);
    expect(opened).toMatchObject({ applied: { opened: 1 } });
    clock += 2 * minute;
    expect(await evaluator.round(null)).toMatchObject({ applied: { reminded: 1 }, delivered: 1 });
    const alertId = bodyOf(only(hook.requests.filter((r) => bodyOf(r).type === "alert.opened"))).alert?.id;

    const before = Date.now();
    const acked = await done(act(d.db, acknowledgeAlert, { alertId }, operator));
    expect(acked).toMatchObject({ id: alertId, acknowledgedBy: operator.email });
    expect(acked.acknowledgedAt?.getTime()).toBeGreaterThanOrEqual(before);
    expect(acked.acknowledgedAt?.getTime()).toBeLessThanOrEqual(Date.now());
    expect(await listAudit(d.db, { targetId: alertId, action: "alert.acknowledge" })).toEqual([
      expect.objectContaining({
        outcome: "success",
        actorEmail: operator.email,
        targetType: "alert",
        details: { rule: "Activity sync stalled", subject: "console:activity-sync" },
      }),
    ]);

    clock += 2 * minute;
    expect(await evaluator.round(null)).toMatchObject({ applied: { reminded: 0 }, delivered: 0 });
    clock += 60 * minute;
    await evaluator.round(null);
    expect(hook.requests.map((r) => bodyOf(r).type)).toEqual(["alert.opened", "alert.reminder"]);

    // A second acknowledgement keeps the first one's name.
    expect(await done(act(d.db, acknowledgeAlert, { alertId }, admin))).toMatchObject({ acknowledgedBy: operator.email });
  });

  test("is refused to a support account, and managing rules is refused to an operator", async () => {
    const support = await account(d.db, "support");
    const operator = await account(d.db, "operator");
    const alertId = crypto.randomUUID();
    expect(await act(d.db, acknowledgeAlert, { alertId }, support)).toMatchObject({ ok: false, error: { code: "forbidden" } });
    const rulesBefore = await rows(alertRules);
    const rule = { name: "Operators' own", kind: "host_absent", params: { seconds: 5 }, channelIds: [], remindMinutes: 0 };
    expect(await act(d.db, createRule, rule, operator)).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await rows(alertRules)).toBe(rulesBefore);
    expect(await listAudit(d.db, { actor: operator.email, action: "alert_rule.create" })).toEqual([expect.objectContaining({ outcome: "denied" })]);
  });
});

describe("turning a rule off or deleting it", () => {
  test("resolves its open alerts at once, saying who did it in the channels that heard them open, and drops its pending ones", async () => {
    const hook = await receiver();
    const { id: channelId } = await webhookChannel(d.db, admin, hook.url);
    const rule = (name: string, minutes: number) => ({
      name,
      kind: "sync_stalled",
      enabled: true,
      params: { minutes },
      channelIds: [channelId],
      remindMinutes: 0,
    });
    const off = await done(act(d.db, createRule, rule("Sync stalled, to turn off", 30), admin));
    const gone = await done(act(d.db, createRule, rule("Sync stalled, to delete", 30), admin));
    const waiting = await done(act(d.db, createRule, rule("Sync stalled, still pending", 50), admin));
    // The sync has not finished a pass for 40 minutes: the first two open, the third is pending.
    // On the real clock: the actions queue their messages at the time they run.
    const evaluator = createEvaluator({ db: d.db, client: noSendbird, ...runtime, sync: { enabled: true, since: Date.now() - 40 * minute } });
    await evaluator.round(null);
    expect(ofType(hook, "alert.opened")).toHaveLength(2);
    const open = async () => (await listAlerts(d.db, { resolvedSince: 0 })).filter((a) => [off.id, gone.id].includes(a.ruleId) && a.resolvedAt === null);
    expect(await open()).toHaveLength(2);

    // Turned off and taken off its channel in one save: the channel that heard it open still hears it close.
    await changeRule(d.db, admin, off.name, { enabled: false, channelIds: [] });
    await done(act(d.db, deleteRule, { ruleId: gone.id }, admin));
    await done(act(d.db, updateRule, { ruleId: waiting.id, ...rule(waiting.name, 50), enabled: false }, admin));
    expect(await open()).toEqual([]);
    await evaluator.deliver();
    expect(ofType(hook, "alert.resolved").map((r) => bodyOf(r).text)).toEqual(
      expect.arrayContaining([
        expect.stringContaining(`The rule was turned off by ${admin.email}.`),
        expect.stringContaining(`The rule was deleted by ${admin.email}.`),
      ]),
    );
    // The next round has nothing left to say about them.
    await evaluator.round(null);
    expect(hook.requests.map((r) => bodyOf(r).type).sort()).toEqual(["alert.opened", "alert.opened", "alert.resolved", "alert.resolved"]);
    const pending = await d.db.select().from(alerts).where(eq(alerts.ruleId, waiting.id));
    expect(pending).toEqual([]);
  });
});

describe("channel secrets", () => {
  test("keeps a Slack address sealed: not in the row, the hint, the list or the audit log, yet messages reach it", async () => {
    const slack = await receiver();
    const url = `${slack.url}/services/T0001/B0002/xoxbSECRETtoken`;
    const { channel, signingSecret } = await done(act(d.db, createChannel, { kind: "slack", name: "Ops Slack", url }, admin));
    expect(signingSecret).toBeNull();
    const [row] = await d.db.select().from(alertChannels).where(eq(alertChannels.id, channel.id));
    expect(row?.secret).toMatch(/^v1:/);
    expect(JSON.stringify(row)).not.toContain("SECRET");
    expect(row?.hint.replace(new URL(url).origin, "")).toBe("/••••oken");
    const listed = (await listChannels(d.db)).find((c) => c.id === channel.id);
    expect(listed).toBeDefined();
    expect(Object.keys(listed ?? {})).not.toContain("secret");
    expect(JSON.stringify(listed)).not.toContain("SECRET");
    expect(JSON.stringify(await listAudit(d.db, { targetId: channel.id }))).not.toContain("SECRET");

    expect(await done(act(d.db, testChannel, { channelId: channel.id }, admin))).toEqual({ delivered: true, status: 200 });
    const [sent] = slack.requests;
    expect(sent?.path).toBe("/hook/services/T0001/B0002/xoxbSECRETtoken");
    expect(JSON.parse(sent?.body ?? "{}")).toEqual({ text: expect.stringMatching(/^Test from Showrunner: .* checked that alerts reach “Ops Slack”/) });
  });

  test("lists a webhook channel without its signing secret", async () => {
    const hook = await receiver();
    const { id, signingSecret } = await webhookChannel(d.db, admin, hook.url);
    expect(signingSecret).toMatch(/^whsec_/);
    const listed = (await listChannels(d.db)).find((c) => c.id === id);
    expect(listed).toMatchObject({ kind: "webhook", target: hook.url, hint: `whsec_••••${signingSecret.slice(-4)}` });
    expect(JSON.stringify(await listChannels(d.db))).not.toContain(signingSecret);
  });

  test("sends a signed test to a webhook and logs it as a delivery", async () => {
    const hook = await receiver();
    const channel = await webhookChannel(d.db, admin, hook.url);
    expect(await act(d.db, testChannel, { channelId: channel.id }, admin)).toEqual({ ok: true, data: { delivered: true, status: 200 } });
    const [sent] = hook.requests;
    expect(sent && signedWith(sent, channel.signingSecret)).toBe(true);
    expect(sent && bodyOf(sent)).toMatchObject({ type: "alert.test", alert: null });
    expect(await recentDeliveries(d.db, { channelId: channel.id })).toEqual([
      expect.objectContaining({ event: "test", status: "delivered", attempts: 1, lastStatus: 200, alertId: null }),
    ]);
  });

  test("says plainly when a test did not arrive, and logs the failed delivery", async () => {
    const hook = await receiver();
    hook.answer(500);
    const channel = await webhookChannel(d.db, admin, hook.url);
    expect(await act(d.db, testChannel, { channelId: channel.id }, admin)).toEqual({
      ok: false,
      error: { code: "channel_failed", message: "Request refused. The test did not arrive. The receiver answered 500." },
    });
    expect(await recentDeliveries(d.db, { channelId: channel.id })).toEqual([
      expect.objectContaining({ event: "test", status: "failed", attempts: 1, lastStatus: 500 }),
    ]);
    expect(hook.requests).toHaveLength(1);
  });
});

describe("a channel whose secret the current key cannot read", () => {
  test("is saved again once the secret is entered again, rather than failing on the old one", async () => {
    const slack = await receiver();
    const url = `${slack.url}/services/T0001/B0002/rekeyed`;
    const created = await done(act(d.db, createChannel, { kind: "slack", name: "Rekeyed Slack", url }, admin));
    const hook = await webhookChannel(d.db, admin, slack.url, "Rekeyed hook");
    const smtp = {
      kind: "email",
      name: "Rekeyed mail",
      host: "127.0.0.1",
      port: 2525,
      security: "none",
      username: "ops",
      from: "alerts@example.com",
      to: "ops@example.com",
    };
    const mail = await done(act(d.db, createChannel, { ...smtp, password: "hunter2-correct" }, admin));
    useAlertRuntime(() => ({ ...runtime, key: Buffer.alloc(32, 8) }));
    onTestFinished(() => useAlertRuntime(() => runtime));
    const channelId = created.channel.id;

    expect(await act(d.db, testChannel, { channelId }, admin)).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/cannot be read .* Enter it again/) },
    });
    expect(await act(d.db, updateChannel, { channelId, kind: "slack", name: "Rekeyed Slack", url: "" }, admin)).toMatchObject({
      ok: false,
      error: { code: "invalid_input", fields: { url: expect.any(String) } },
    });
    await done(act(d.db, updateChannel, { channelId, kind: "slack", name: "Rekeyed Slack", url }, admin));
    expect(await done(act(d.db, testChannel, { channelId }, admin))).toEqual({ delivered: true, status: 200 });

    // A password the key cannot read is typed again, not dropped.
    expect(await act(d.db, updateChannel, { ...smtp, channelId: mail.channel.id, password: "" }, admin)).toMatchObject({
      ok: false,
      error: { fields: { password: expect.stringMatching(/Enter it again/) } },
    });
    expect(await done(act(d.db, updateChannel, { ...smtp, channelId: mail.channel.id, password: "hunter2-again" }, admin))).toMatchObject({
      channel: { hint: "••••gain" },
    });

    // A webhook's old signing secret is gone for good: a new one is made and shown once.
    const renewed = await done(act(d.db, updateChannel, { channelId: hook.id, kind: "webhook", name: "Rekeyed hook", url: slack.url }, admin));
    expect(renewed.signingSecret).toMatch(/^whsec_/);
    expect(renewed.signingSecret).not.toBe(hook.signingSecret);
    await done(act(d.db, testChannel, { channelId: hook.id }, admin));
    const lastSent = slack.requests.at(-1);
    expect(lastSent && signedWith(lastSent, renewed.signingSecret ?? "")).toBe(true);
  });
});

describe("deleting a channel", () => {
  test("takes it out of every rule that notified it, and keeps the others", async () => {
    const [gone, kept] = [await webhookChannel(d.db, admin, "http://127.0.0.1:9/a"), await webhookChannel(d.db, admin, "http://127.0.0.1:9/b")];
    const rule = await done(
      act(d.db, createRule, { name: "Two channels", kind: "sync_stalled", params: { minutes: 30 }, channelIds: [gone.id, kept.id], remindMinutes: 0 }, admin),
    );
    expect(await done(act(d.db, deleteChannel, { channelId: gone.id }, admin))).toEqual({ deleted: true });
    expect(await findRule(d.db, rule.id)).toMatchObject({ channelIds: [kept.id] });
    expect(await act(d.db, deleteChannel, { channelId: gone.id }, admin)).toMatchObject({ ok: false, error: { code: "not_found" } });
  });
});

describe("bad input", () => {
  test.each(["http://10.0.0.5/x", "https://169.254.169.254/", "ftp://x", "http://127.0.0.1"])(
    "a channel to %s is refused on its url under the strict policy, and nothing is saved",
    async (url) => {
      useAlertRuntime(() => ({ ...runtime, policy: strictPolicy }));
      onTestFinished(() => useAlertRuntime(() => runtime));
      const before = await rows(alertChannels);
      expect(await act(d.db, createChannel, { kind: "webhook", name: `To ${url}`, url }, admin)).toMatchObject({
        ok: false,
        error: { code: "invalid_input", fields: { url: expect.any(String) } },
      });
      expect(await rows(alertChannels)).toBe(before);
    },
  );

  test.each([
    ["a negative duration", "host_absent", { seconds: -1 }, "params.seconds"],
    ["a share over 100 %", "audience_drop", { percent: 500, minutes: 5, minAudience: 20 }, "params.percent"],
    ["a threshold that is not a number", "host_absent", { seconds: "soon" }, "params.seconds"],
    ["a fraction where a whole number belongs", "call_failures", { percent: 20, minCalls: 2.5 }, "params.minCalls"],
  ])("a rule with %s is refused on that threshold, and nothing is saved", async (_what, kind, params, field) => {
    const before = await rows(alertRules);
    const result = await act(d.db, createRule, { name: `Rule ${field} ${kind}`, kind, params, channelIds: [], remindMinutes: 30 }, admin);
    expect(result).toMatchObject({ ok: false, error: { code: "invalid_input", fields: { [field]: expect.any(String) } } });
    expect(await rows(alertRules)).toBe(before);
  });

  test("a rule named like another, whatever the case, is refused on its name", async () => {
    const before = await rows(alertRules);
    const result = await act(
      d.db,
      createRule,
      { name: "  host OFF air ", kind: "host_absent", params: { seconds: 30 }, channelIds: [], remindMinutes: 30 },
      admin,
    );
    expect(result).toMatchObject({ ok: false, error: { code: "invalid_input", fields: { name: "Another rule already has this name." } } });
    expect(await rows(alertRules)).toBe(before);
  });
});
