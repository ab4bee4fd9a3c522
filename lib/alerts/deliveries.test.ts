import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { openDatabase } from "@/lib/db";
import type { Database, OpenDatabase } from "@/lib/db";
import { alertDeliveries } from "@/lib/db/schema";
import { engines, freshDatabase } from "@/lib/db/testing";
import { noSendbird } from "@/lib/sendbird/testing/emulated";
import { useAlertRuntime } from "./actions";
import { claimDue, deliverDue, enqueueDeliveries } from "./deliveries";
import { createEvaluator } from "./evaluator";
import type { EvaluatorOptions } from "./evaluator";
import { alertMessage } from "./message";
import { account, bodyOf, changeRule, origin, receiver, runtime, webhookChannel } from "./testing/fixtures";

// The delivery queue against a real database and real HTTP receivers: retries with back-off, final refusals,
// timeouts that hold nobody up, claims that outlive a crashed process, and instances that share the queue.

const t0 = Date.UTC(2026, 10, 1, 12, 0, 0);
const minute = 60_000;

/** An alert that opened at t0, as a message to queue. */
function opened() {
  const facts = {
    id: crypto.randomUUID(),
    ruleId: crypto.randomUUID(),
    ruleName: "Host off air",
    kind: "host_absent" as const,
    subjectType: "live_event",
    subjectId: "lev_1",
    subjectLabel: "Chef's table",
    summary: "Host ada disconnected.",
    since: t0,
    openedAt: t0,
    resolvedAt: null,
    acknowledgedBy: null,
  };
  return { ...facts, message: alertMessage("opened", facts, origin) };
}

beforeAll(() => useAlertRuntime(() => runtime));
afterAll(() => useAlertRuntime(null));

describe.each(engines)("the delivery queue on %s", (engine) => {
  let d: OpenDatabase & { url: string | null };
  let db: Database;
  let admin: SessionUser;
  let clock: number;
  // A database of its own for each test: each batch claims every delivery that is due.
  beforeEach(async () => {
    d = await freshDatabase(engine);
    db = d.db;
    admin = await account(db, "admin");
    clock = t0;
  }, 30_000);
  afterEach(() => d.close());

  /** An evaluator whose activity sync has not finished a pass for 31 minutes, so "Activity sync stalled" opens at its first round. */
  const evaluator = (extra: Partial<EvaluatorOptions> = {}) =>
    createEvaluator({ db, client: noSendbird, ...runtime, sync: { enabled: true, since: t0 - 31 * minute }, now: () => clock, ...extra });
  const routeStalledSync = (channelIds: string[]) => changeRule(db, admin, "Activity sync stalled", { enabled: true, channelIds });
  const deliveries = () => db.select().from(alertDeliveries).orderBy(alertDeliveries.id);

  test("keeps a message the receiver failed (500) and sends it again 10 seconds later, under the same id", async () => {
    const hook = await receiver();
    hook.answer(500);
    await routeStalledSync([(await webhookChannel(db, admin, hook.url)).id]);
    expect(await evaluator().round(null)).toMatchObject({ outcome: "evaluated", applied: { opened: 1 }, delivered: 1 });
    expect(await deliveries()).toEqual([
      expect.objectContaining({
        status: "pending",
        attempts: 1,
        lastStatus: 500,
        lastError: "The receiver answered 500.",
        nextAttemptAt: new Date(t0 + 10_000),
      }),
    ]);

    hook.answer(200);
    clock = t0 + 9_000;
    expect(await evaluator().deliver()).toBe(0);
    clock = t0 + 10_000;
    expect(await evaluator().deliver()).toBe(1);
    const [first, second, ...more] = hook.requests.map(bodyOf);
    expect(more).toEqual([]);
    expect(second).toEqual(first);
    expect(await deliveries()).toEqual([
      expect.objectContaining({ status: "delivered", attempts: 2, lastStatus: 200, lastError: null, finishedAt: new Date(t0 + 10_000) }),
    ]);
  });

  test("takes a 404 as final: the message fails and is never sent again", async () => {
    const hook = await receiver();
    hook.answer(404);
    await routeStalledSync([(await webhookChannel(db, admin, hook.url)).id]);
    await evaluator().round(null);
    expect(await deliveries()).toEqual([expect.objectContaining({ status: "failed", attempts: 1, lastStatus: 404, finishedAt: new Date(t0) })]);

    hook.answer(200);
    clock = t0 + 60 * minute;
    expect(await evaluator().deliver()).toBe(0);
    expect(hook.requests).toHaveLength(1);
  });

  test("gives up on a receiver that never answers, without holding up another channel's message", async () => {
    const [stuck, healthy] = [await receiver(), await receiver()];
    stuck.answer("hang");
    const stuckChannel = await webhookChannel(db, admin, stuck.url, "Stuck");
    const healthyChannel = await webhookChannel(db, admin, healthy.url, "Healthy");
    await routeStalledSync([stuckChannel.id, healthyChannel.id]);

    let finished = false;
    const round = evaluator({ timeoutMs: 2500 })
      .round(null)
      .finally(() => (finished = true));
    await healthy.waitFor(() => true);
    const delivered = async () => (await deliveries()).find((r) => r.channelId === healthyChannel.id)?.status === "delivered";
    while (!finished && !(await delivered())) await new Promise((r) => setTimeout(r, 20));
    expect(finished).toBe(false);
    expect(stuck.requests).toHaveLength(1);

    expect(await round).toMatchObject({ outcome: "evaluated", delivered: 2 });
    const stuckRow = (await deliveries()).find((r) => r.channelId === stuckChannel.id);
    expect(stuckRow).toMatchObject({
      status: "pending",
      attempts: 1,
      lastStatus: null,
      lastError: "No answer within 2.5 s.",
      nextAttemptAt: new Date(t0 + 10_000),
    });
  });

  test("sends a message claimed by a process that crashed mid-send once the claim runs out, and only once", async () => {
    const hook = await receiver();
    const channel = await webhookChannel(db, admin, hook.url);
    const facts = opened();
    await enqueueDeliveries(db, { alertId: facts.id, channelIds: [channel.id], event: "opened", message: facts.message, now: t0 });
    // The crashed process claimed it, then never sent it nor said how it went.
    expect(await claimDue(db, t0)).toHaveLength(1);

    clock = t0 + 30_000;
    expect(await evaluator().deliver()).toBe(0);
    clock = t0 + minute;
    expect(await evaluator().deliver()).toBe(1);
    clock = t0 + 10 * minute;
    expect(await evaluator().deliver()).toBe(0);
    expect(hook.requests.map((r) => bodyOf(r).alert?.id)).toEqual([facts.id]);
    expect(await deliveries()).toEqual([expect.objectContaining({ status: "delivered", attempts: 1 })]);
  });

  test("two instances emptying the queue at once send each message exactly once", async () => {
    const hook = await receiver();
    const channelIds = [];
    for (let i = 0; i < 3; i += 1) channelIds.push((await webhookChannel(db, admin, hook.url)).id);
    // More than one batch each (20), so the instances claim from the queue while the other is sending.
    for (let i = 0; i < 15; i += 1) await enqueueDeliveries(db, { alertId: null, channelIds, event: "opened", message: opened().message, now: t0 });
    const other = engine === "postgres" ? await openDatabase({ databaseUrl: d.url, dataDir: "" }) : null;
    try {
      const options = { ...runtime, now: () => clock };
      const [a, b] = await Promise.all([deliverDue({ ...options, db }), deliverDue({ ...options, db: other?.db ?? db })]);
      expect(a + b).toBe(45);
    } finally {
      await other?.close();
    }
    const ids = hook.requests.map((r) => bodyOf(r).id);
    expect(ids).toHaveLength(45);
    expect(new Set(ids).size).toBe(45);
    expect((await deliveries()).filter((r) => r.status !== "delivered" || r.attempts !== 1)).toEqual([]);
  });
});
