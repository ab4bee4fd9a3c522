import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { openDatabase } from "@/lib/db";
import type { OpenDatabase } from "@/lib/db";
import { engines, freshDatabase } from "@/lib/db/testing";
import { startTestEmulator, testNow } from "@/lib/emulator/testing/harness";
import type { TestEmulator } from "@/lib/emulator/testing/harness";
import { overviewDays, windowStart } from "@/lib/overview-window";
import { emulatedClient } from "@/lib/sendbird/testing/emulated";
import { createSendbirdClient } from "@/lib/sendbird/client";
import type { SendbirdClient } from "@/lib/sendbird/client";
import type { DirectCall } from "@/lib/sendbird/schemas/direct-calls";
import { fakeFetch } from "@/lib/sendbird/testing/fake-fetch";
import { wire } from "@/lib/sendbird/testing/wire";
import { loadCallsOverview, notEnded, summarizeCalls } from "./overview";

const hour = 3_600_000;
const day = 24 * hour;
/** 2026-11-20T03:14:07Z */
const now = Date.UTC(2026, 10, 20, 3, 14, 7);
const call = (iso: string | null, endResult: string | null = "completed") => ({ startedAt: iso === null ? null : Date.parse(iso), endResult });
const ended = (ms: number, endResult: string | null) => ({ startedAt: ms, endResult });
const onDay = <T extends { day: string }>(perDay: T[], d: string) => perDay.find((p) => p.day === d);
const total = (perDay: { total: number }[]) => perDay.reduce((sum, p) => sum + p.total, 0);

describe("the calls overview summary", () => {
  test("has 30 UTC days, oldest first, today last, every empty day at zero", () => {
    const { perDay, results, thisWeek, lastWeek } = summarizeCalls([], now);
    expect(perDay).toHaveLength(overviewDays);
    expect(perDay[0]).toEqual({ day: "2026-10-22", byResult: {}, total: 0 });
    expect(perDay.at(-1)).toEqual({ day: "2026-11-20", byResult: {}, total: 0 });
    expect(new Set(perDay.map((p) => p.day)).size).toBe(overviewDays);
    expect(results).toEqual([]);
    expect(thisWeek).toEqual({ ended: 0, bad: 0, share: null });
    expect(lastWeek).toEqual({ ended: 0, bad: 0, share: null });
  });

  test("counts each UTC day's calls by end result, with calls not ended as ongoing", () => {
    const { perDay } = summarizeCalls(
      [
        call("2026-11-19T00:00:00.000Z", "completed"),
        call("2026-11-19T23:59:59.999Z", "completed"),
        call("2026-11-19T12:00:00.000Z", "declined"),
        call("2026-11-19T13:00:00.000Z", null),
        call("2026-11-20T03:14:07.000Z", "no_answer"),
        call("2026-10-22T00:00:00.000Z", "connection_lost"),
      ],
      now,
    );
    expect(onDay(perDay, "2026-11-19")).toEqual({ day: "2026-11-19", byResult: { completed: 2, declined: 1, [notEnded]: 1 }, total: 4 });
    expect(onDay(perDay, "2026-11-20")).toEqual({ day: "2026-11-20", byResult: { no_answer: 1 }, total: 1 });
    expect(onDay(perDay, "2026-10-22")).toEqual({ day: "2026-10-22", byResult: { connection_lost: 1 }, total: 1 });
    expect(total(perDay)).toBe(6);
  });

  test("ignores calls started before the oldest day, after now, or never started", () => {
    const summary = summarizeCalls(
      [
        call("2026-10-21T23:59:59.999Z", "timed_out"),
        call("2026-11-20T03:14:07.001Z", "unknown"),
        call("2026-11-21T00:00:00.000Z", "unknown"),
        call(null, "connection_lost"),
        call("2026-10-22T00:00:00.000Z", "completed"),
      ],
      now,
    );
    expect(total(summary.perDay)).toBe(1);
    expect(summary.results).toEqual(["completed"]);
    expect(summary.thisWeek).toEqual({ ended: 0, bad: 0, share: null });
  });

  test("lists the end results seen in the filters' order, then ones Sendbird added later in alphabetical order, then ongoing", () => {
    const { results } = summarizeCalls(
      [
        call("2026-11-10T10:00:00Z", null),
        call("2026-11-10T10:00:00Z", "zapped"),
        call("2026-11-10T10:00:00Z", "unknown"),
        call("2026-11-10T10:00:00Z", "abandoned"),
        call("2026-11-10T10:00:00Z", "no_answer"),
        call("2026-11-10T10:00:00Z", "completed"),
        call("2026-11-10T10:00:00Z", "declined"),
      ],
      now,
    );
    expect(results).toEqual(["completed", "declined", "no_answer", "unknown", "abandoned", "zapped", notEnded]);
  });

  test("compares the share of ended calls that ended badly in the last 7 UTC days against the 7 before", () => {
    const summary = summarizeCalls(
      [
        // The last 7 days, 2026-11-14 to today: 3 ended, of which dropped and timed out are bad; one still ongoing.
        call("2026-11-20T03:14:07.000Z", "connection_lost"),
        call("2026-11-20T00:00:00.000Z", "timed_out"),
        call("2026-11-14T00:00:00.000Z", "completed"),
        call("2026-11-18T10:00:00.000Z", null),
        // The 7 before, 2026-11-07 to 2026-11-13: 2 ended, 1 bad.
        call("2026-11-13T23:59:59.999Z", "unknown"),
        call("2026-11-07T00:00:00.000Z", "declined"),
        call("2026-11-10T10:00:00.000Z", null),
        // Before either week, still in the window: counted per day only.
        call("2026-11-06T23:59:59.999Z", "timed_out"),
      ],
      now,
    );
    expect(summary.thisWeek).toEqual({ ended: 3, bad: 2, share: 2 / 3 });
    expect(summary.lastWeek).toEqual({ ended: 2, bad: 1, share: 0.5 });
    expect(total(summary.perDay)).toBe(8);
  });

  test("counts no call as bad for missed, declined, canceled, late or unfamiliar end results", () => {
    const summary = summarizeCalls(
      ["completed", "canceled", "declined", "no_answer", "late_answer", "abandoned"].map((r, i) => ended(now - (i + 1) * hour, r)),
      now,
    );
    expect(summary.thisWeek).toEqual({ ended: 6, bad: 0, share: 0 });
    expect(summary.lastWeek.share).toBeNull();
  });

  test("gives no share for a week whose calls are all still ongoing", () => {
    const summary = summarizeCalls([ended(now - hour, null), ended(now - 9 * day, null)], now);
    expect(summary.thisWeek).toEqual({ ended: 0, bad: 0, share: null });
    expect(summary.lastWeek).toEqual({ ended: 0, bad: 0, share: null });
    expect(summary.results).toEqual([notEnded]);
  });
});

describe("the calls overview read from the emulator", () => {
  let t: TestEmulator;
  afterEach(() => t.close());

  const client = (): SendbirdClient => emulatedClient(t, { retryBaseMs: 20 });
  const makeCall = async (end_result: string, started_at: number) => {
    const res = await t.control("POST", "/direct-calls", { caller_id: "alice", callee_id: "bob", end_result, started_at });
    expect(res.status).toBe(200);
  };

  test("counts the calls started in the window by day and end result, and leaves older ones out", async () => {
    t = await startTestEmulator();
    for (const user_id of ["alice", "bob"]) await t.call("POST", "/v3/users", { body: { user_id, nickname: user_id, profile_url: "" } });
    // testNow is 2026-11-01T12:00Z; the window starts 2026-10-03.
    await makeCall("completed", testNow - hour);
    await makeCall("connection_lost", testNow - 2 * hour);
    await makeCall("declined", testNow - 2 * day);
    await makeCall("timed_out", testNow - 10 * day);
    await makeCall("completed", testNow - 40 * day);

    const o = await loadCallsOverview(client(), null, testNow);
    expect(o.windowStart).toBe(Date.UTC(2026, 9, 3));
    expect(o.perDay).toHaveLength(30);
    expect(o.perDay.at(-1)).toEqual({ day: "2026-11-01", byResult: { completed: 1, connection_lost: 1 }, total: 2 });
    expect(onDay(o.perDay, "2026-10-30")).toEqual({ day: "2026-10-30", byResult: { declined: 1 }, total: 1 });
    expect(onDay(o.perDay, "2026-10-22")).toEqual({ day: "2026-10-22", byResult: { timed_out: 1 }, total: 1 });
    expect(total(o.perDay)).toBe(4);
    expect(o.results).toEqual(["completed", "declined", "connection_lost", "timed_out"]);
    expect(o.thisWeek).toEqual({ ended: 3, bad: 1, share: 1 / 3 });
    expect(o.lastWeek).toEqual({ ended: 1, bad: 1, share: 1 });
  });

  test("walks every page of a seeded month and agrees with the emulator's own records", async () => {
    t = await startTestEmulator({ seed: 7, size: "demo" });
    const calls = t.emulator.store.callOrder;
    const from = windowStart(testNow);
    const recent = calls.filter((c) => c.started_at >= from && c.started_at <= testNow);
    expect(recent.length).toBeGreaterThan(100);
    const o = await loadCallsOverview(client(), null, testNow);
    expect(total(o.perDay)).toBe(recent.length);
    const byResult = (r: string) => o.perDay.reduce((sum, p) => sum + (p.byResult[r] ?? 0), 0);
    for (const r of new Set(recent.map((c) => c.end_result))) expect(byResult(r)).toBe(recent.filter((c) => c.end_result === r).length);
  });
});

describe.each(engines)("the calls overview's kept counts on %s", (engine) => {
  let d: OpenDatabase & { url: string | null };
  beforeAll(async () => {
    d = await freshDatabase(engine);
  }, 30_000);
  afterAll(() => d.close());
  afterEach(() => d.db.execute(sql`truncate call_day_counts, call_count_state`));

  /** A Sendbird whose calls are `calls` (newest first, one page), counting the list requests it answers. */
  function sendbirdWith(calls: DirectCall[]) {
    let lists = 0;
    const fake = fakeFetch((request) => {
      lists += 1;
      const since = Number(new URL(request.url).searchParams.get("call_ts") ?? 0);
      const page = calls.filter((c) => (c.started_at ?? 0) >= since).sort((a, b) => (b.started_at ?? 0) - (a.started_at ?? 0));
      return { json: { calls: page, next: "", has_next: false } };
    });
    return { client: createSendbirdClient({ appId: "app1", apiToken: "t", fetch: fake.fetch, throttle: false }), lists: () => lists };
  }
  const at = (iso: string, end_result: string | null, id: string): DirectCall =>
    wire.call({
      call_id: id,
      started_at: Date.parse(iso),
      end_result,
      state: end_result === null ? "connected" : "ended",
      ended_at: null,
      duration: 0,
    } as Partial<DirectCall>);

  test("reads a call once: a later load reads only the calls started since, and agrees with a full read", async () => {
    const calls = [
      at("2026-11-20T01:00:00Z", "completed", "c1"),
      at("2026-11-19T12:00:00Z", "connection_lost", "c2"),
      at("2026-11-02T12:00:00Z", "declined", "c3"),
      at("2026-10-01T12:00:00Z", "completed", "c4"),
    ];
    const sendbird = sendbirdWith(calls);
    const first = await loadCallsOverview(sendbird.client, d.db, now);
    expect(first).toMatchObject({ readNow: 3, countedBefore: windowStart(now) });
    expect(total(first.perDay)).toBe(3);

    const second = await loadCallsOverview(sendbird.client, d.db, now + 60_000);
    expect(second.readNow).toBe(0);
    expect(second.perDay).toEqual(first.perDay);

    calls.push(at("2026-11-20T03:00:00Z", "timed_out", "c5"));
    const third = await loadCallsOverview(sendbird.client, d.db, now + 120_000);
    expect(third.readNow).toBe(1);
    const full = await loadCallsOverview(sendbird.client, null, now + 120_000);
    expect(third.perDay).toEqual(full.perDay);
    expect(third.thisWeek).toEqual(full.thisWeek);
  });

  test("reads a call under way again until it ends, and counts it once, as it ended", async () => {
    const calls = [at("2026-11-20T02:00:00Z", "completed", "c1"), at("2026-11-20T03:00:00Z", null, "c2"), at("2026-11-20T03:10:00Z", "declined", "c3")];
    const sendbird = sendbirdWith(calls);
    const first = await loadCallsOverview(sendbird.client, d.db, now);
    expect(onDay(first.perDay, "2026-11-20")?.byResult).toEqual({ completed: 1, [notEnded]: 1, declined: 1 });
    calls[1] = at("2026-11-20T03:00:00Z", "completed", "c2");
    const second = await loadCallsOverview(sendbird.client, d.db, now + 60_000);
    // The count had stopped at the call under way: it and the one after it are read again.
    expect(second.readNow).toBe(2);
    expect(onDay(second.perDay, "2026-11-20")?.byResult).toEqual({ completed: 2, declined: 1 });
  });

  test("counts every call once when two loads count at once (two instances on Postgres, one process on PGlite)", async () => {
    const other = d.url ? await openDatabase({ databaseUrl: d.url, dataDir: "" }) : null;
    try {
      const calls = Array.from({ length: 50 }, (_, i) => at(new Date(now - i * 3_600_000).toISOString(), "completed", `c${i}`));
      const sendbird = sendbirdWith(calls);
      const [a, b] = await Promise.all([loadCallsOverview(sendbird.client, d.db, now), loadCallsOverview(sendbird.client, other?.db ?? d.db, now)]);
      expect(total(a.perDay)).toBe(50);
      expect(total(b.perDay)).toBe(50);
      expect(a.readNow + b.readNow).toBe(50);
    } finally {
      await other?.close();
    }
  });
});
