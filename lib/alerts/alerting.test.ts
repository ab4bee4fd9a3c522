import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, onTestFinished, test, vi } from "vitest";
import { startSampler } from "@/lib/activity/sampler";
import type { SessionUser } from "@/lib/auth/session";
import { openDatabase } from "@/lib/db";
import type { Database, OpenDatabase } from "@/lib/db";
import { alertDeliveries, alerts } from "@/lib/db/schema";
import { engines, freshDatabase } from "@/lib/db/testing";
import { createUsers, startTestEmulator, testNow } from "@/lib/emulator/testing/harness";
import type { TestEmulator } from "@/lib/emulator/testing/harness";
import type { LiveEventDto } from "@/lib/sendbird/dto";
import { emulatedClient } from "@/lib/sendbird/testing/emulated";
import { useAlertRuntime } from "./actions";
import { createEvaluator } from "./evaluator";
import { startAlerting } from "./loop";
import { account, bodyOf, changeRule, only, origin, receiver, runtime, signedWith, webhookChannel } from "./testing/fixtures";

// Alerting end to end: the emulator plays Sendbird over HTTP, the sampler reads it, the evaluator judges and
// stores in a real database, and a real HTTP receiver gets the webhooks.

const interval = 30_000;
/** Long enough that no timer fires while a test ticks by hand. */
const manual = 3_600_000;

let t: TestEmulator;
let clock: number;

beforeAll(() => useAlertRuntime(() => runtime));
afterAll(() => useAlertRuntime(null));
beforeEach(async () => {
  t = await startTestEmulator();
  clock = testNow;
});
afterEach(() => t.close());

const client = () => emulatedClient(t, { throttle: false, retryBaseMs: 5, maxRetries: 1 });

/** The events on air, as the sampler reads them. */
async function onAir(): Promise<LiveEventDto[]> {
  const events: LiveEventDto[] = [];
  for await (const e of client().liveEvents.list.all({ states: ["ongoing"], limit: 100 })) events.push(e);
  return events;
}

/** An event on air with `host` connected and `viewers` watching. */
async function eventOnAir(title: string, viewers = 0): Promise<string> {
  await createUsers(t, "host", ...Array.from({ length: viewers }, (_, i) => `viewer${i}`));
  const c = client();
  const { id } = await c.liveEvents.create({ hostCandidates: ["host"], title });
  await c.liveEvents.setReady(id);
  await c.liveEvents.start(id);
  const hostId: string = (await t.control("POST", `/live-events/${id}/hosts`, { user_id: "host" })).json.host.host_id;
  expect((await t.control("POST", `/live-events/${id}/hosts/${hostId}/connect`)).status).toBe(200);
  if (viewers > 0) expect((await t.control("POST", `/live-events/${id}/participants/join`, { count: viewers })).status).toBe(200);
  return id;
}

const incident = async (path: string, body: unknown = {}) => expect((await t.control("POST", path, body)).status).toBe(200);

function evaluator(db: Database) {
  return createEvaluator({ db, client: client(), ...runtime, sync: { enabled: false, since: testNow }, now: () => clock });
}

const alertRows = (db: Database) => db.select().from(alerts);

describe("alerting on the embedded database", () => {
  let d: OpenDatabase;
  let admin: SessionUser;
  // A database of its own for each test: rounds judge every rule and alert stored.
  beforeEach(async () => {
    d = await freshDatabase("pglite");
    admin = await account(d.db, "admin");
  }, 30_000);
  afterEach(() => d.close());

  test("tells a webhook, signed, once when a host drops off air and once when the host is back", async () => {
    const hook = await receiver();
    const lines: string[] = [];
    const log = (line: string) => void lines.push(line);
    const id = await eventOnAir("Chef's table");
    const channel = await webhookChannel(d.db, admin, hook.url);
    await changeRule(d.db, admin, "Host off air", { params: { seconds: 0 }, channelIds: [channel.id] });
    const alerting = startAlerting({
      db: d.db,
      client: client(),
      runtime,
      sampleIntervalMs: interval,
      syncEnabled: false,
      retryEveryMs: manual,
      now: () => clock,
      log,
    });
    onTestFinished(() => alerting.stop());
    const sampler = startSampler({ db: d.db, client: client(), intervalMs: manual, now: () => clock, log, afterRound: alerting.afterSample });
    onTestFinished(() => sampler.stop());

    await sampler.tick();
    expect(hook.requests).toEqual([]);

    await incident(`/live-events/${id}/incidents/host-drop`, { hold: true });
    clock += interval;
    expect(await sampler.tick()).toMatchObject({ outcome: "sampled", events: 1 });
    // Sending goes on beside the sampler's next round, so the message comes just after the tick.
    await vi.waitFor(() => expect(hook.requests).toHaveLength(1));
    const opened = only(hook.requests);
    expect(opened.method).toBe("POST");
    expect(signedWith(opened, channel.signingSecret)).toBe(true);
    expect(signedWith(opened, "whsec_someone-else")).toBe(false);
    const body = bodyOf(opened);
    expect(body).toMatchObject({ type: "alert.opened", id: expect.stringMatching(/^dlv_\d+$/) });
    expect(opened.headers["showrunner-delivery"]).toBe(body.id);
    expect(body.alert?.subject).toMatchObject({ type: "live_event", id, label: "Chef's table", url: `${origin}/live-events/${id}` });
    expect(body.alert?.summary).toMatch(/^Host host disconnected from “Chef's table”/);

    clock += interval;
    await sampler.tick();
    await alerting.evaluator.deliver();
    expect(hook.requests).toHaveLength(1);

    await incident(`/live-events/${id}/incidents/recover`);
    clock += interval;
    await sampler.tick();
    await vi.waitFor(() => expect(hook.requests).toHaveLength(2));
    expect(hook.requests.map((r) => bodyOf(r).type)).toEqual(["alert.opened", "alert.resolved"]);
    const resolved = hook.requests.map(bodyOf)[1];
    expect(resolved?.alert).toMatchObject({ id: body.alert?.id, subject: { id } });
    expect(resolved?.id).not.toBe(body.id);
    expect(only(await alertRows(d.db))).toMatchObject({ id: body.alert?.id, subjectId: id, resolvedAt: new Date(clock) });
    expect(lines).toEqual([]);
  });

  test("after a restart neither loses nor repeats an open alert", async () => {
    const hook = await receiver();
    const id = await eventOnAir("Late show");
    const channel = await webhookChannel(d.db, admin, hook.url);
    await changeRule(d.db, admin, "Host off air", { params: { seconds: 0 }, channelIds: [channel.id] });
    await incident(`/live-events/${id}/incidents/host-drop`);
    expect(await evaluator(d.db).round(await onAir())).toMatchObject({ outcome: "evaluated", applied: { opened: 1 }, delivered: 1 });
    const before = only(await alertRows(d.db));

    // A new process: nothing in memory, only what the database kept.
    clock += 5 * 60_000;
    expect(await evaluator(d.db).round(await onAir())).toMatchObject({ outcome: "evaluated", applied: { opened: 0, reminded: 0, resolved: 0 }, delivered: 0 });
    expect(bodyOf(only(hook.requests)).type).toBe("alert.opened");
    expect(only(await alertRows(d.db))).toMatchObject({ id: before.id, openedAt: before.openedAt, resolvedAt: null });
  });

  test("opens an alert when the audience crashes, judged against the samples the sampler kept", async () => {
    const hook = await receiver();
    const id = await eventOnAir("Finale", 25);
    const channel = await webhookChannel(d.db, admin, hook.url);
    // The default thresholds: more than 50 % lost within 5 minutes, from at least 20 people.
    await changeRule(d.db, admin, "Audience crash", { channelIds: [channel.id] });
    const alerting = startAlerting({
      db: d.db,
      client: client(),
      runtime,
      sampleIntervalMs: interval,
      syncEnabled: false,
      retryEveryMs: manual,
      now: () => clock,
    });
    onTestFinished(() => alerting.stop());
    const sampler = startSampler({ db: d.db, client: client(), intervalMs: interval, now: () => clock, afterRound: alerting.afterSample });
    onTestFinished(() => sampler.stop());
    for (let i = 0; i < 4; i += 1, clock += interval) expect(await sampler.tick()).toMatchObject({ outcome: "sampled", recorded: 1 });
    expect(hook.requests).toEqual([]);

    await incident(`/live-events/${id}/incidents/audience-crash`, { fraction: 0.8 });
    await sampler.tick();
    await vi.waitFor(() => expect(hook.requests).toHaveLength(1));
    expect(bodyOf(only(hook.requests))).toMatchObject({ type: "alert.opened" });
    expect(bodyOf(only(hook.requests)).alert).toMatchObject({
      rule: { name: "Audience crash", kind: "audience_drop" },
      subject: { id },
      summary: "The audience of “Finale” fell 80 %, from 25 to 5.",
    });
  });

  test("opens an alert about the direct calls when too many of the last hour's failed", async () => {
    const hook = await receiver();
    await createUsers(t, "caller", "callee");
    const channel = await webhookChannel(d.db, admin, hook.url);
    await changeRule(d.db, admin, "Calls failing", { enabled: true, params: { percent: 20, minCalls: 5 }, channelIds: [channel.id] });
    expect(await evaluator(d.db).round(null)).toMatchObject({ outcome: "evaluated", applied: { opened: 0 } });

    await incident("/direct-calls/incidents/failures", { count: 6, end_result: "connection_lost" });
    // Another evaluator, so the last hour of calls is read again rather than reused from the round before.
    expect(await evaluator(d.db).round(null)).toMatchObject({ outcome: "evaluated", applied: { opened: 1 }, delivered: 1 });
    expect(bodyOf(only(hook.requests))).toMatchObject({
      type: "alert.opened",
      alert: {
        subject: { type: "calls", id: "direct-calls", url: `${origin}/calls` },
        summary: "100 % of the direct calls of the last hour ended badly (6 of 6).",
      },
    });
  });
});

describe.runIf(engines.includes("postgres"))("two console instances on one Postgres database", () => {
  let first: OpenDatabase & { url: string | null };
  let second: OpenDatabase;
  beforeAll(async () => {
    first = await freshDatabase("postgres");
    second = await openDatabase({ databaseUrl: first.url, dataDir: "" });
  }, 30_000);
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  test("judging at the same moment open the alert once and send it once", async () => {
    const hook = await receiver();
    const admin = await account(first.db, "admin");
    const id = await eventOnAir("Twin peaks");
    const channel = await webhookChannel(first.db, admin, hook.url);
    await changeRule(first.db, admin, "Host off air", { params: { seconds: 0 }, channelIds: [channel.id] });
    await incident(`/live-events/${id}/incidents/host-drop`);
    const events = await onAir();
    const [a, b] = [evaluator(first.db), evaluator(second.db)];
    for (let i = 0; i < 5; i += 1) {
      const rounds = await Promise.all([a.round(events), b.round(events)]);
      expect(rounds.map((r) => r.outcome)).toContain("evaluated");
    }
    expect(bodyOf(only(hook.requests)).type).toBe("alert.opened");
    expect(only(await alertRows(first.db))).toMatchObject({ subjectId: id, resolvedAt: null });
    expect(await first.db.select({ status: alertDeliveries.status, attempts: alertDeliveries.attempts }).from(alertDeliveries)).toEqual([
      { status: "delivered", attempts: 1 },
    ]);
  });
});
