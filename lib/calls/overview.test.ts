import { afterEach, describe, expect, test } from "vitest";
import { startTestEmulator, testNow } from "@/lib/emulator/testing/harness";
import type { TestEmulator } from "@/lib/emulator/testing/harness";
import { overviewDays, windowStart } from "@/lib/overview-window";
import { emulatedClient } from "@/lib/sendbird/testing/emulated";
import type { SendbirdClient } from "@/lib/sendbird/client";
import { loadCallsOverview, notEnded, summarizeCalls } from "./overview";

const hour = 3_600_000;
const day = 24 * hour;
/** 2026-11-20T03:14:07Z */
const now = Date.UTC(2026, 10, 20, 3, 14, 7);
const call = (iso: string | null, endResult: string | null = "completed") => ({ startedAt: iso === null ? null : Date.parse(iso), endResult });
const ended = (ms: number, endResult: string | null) => ({ startedAt: ms, endResult });
const onDay = (perDay: { day: string }[], d: string) => perDay.find((p) => p.day === d);
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

  test("compares the share of ended calls that ended badly this week against last week", () => {
    const summary = summarizeCalls(
      [
        // This week, (now - 7 days, now]: 4 ended, of which dropped, timed out and unknown are bad; one still ongoing.
        ended(now, "connection_lost"),
        ended(now - hour, "timed_out"),
        ended(now - 3 * day, "completed"),
        ended(now - 7 * day + 1, "unknown"),
        ended(now - 2 * day, null),
        // Last week, (now - 14 days, now - 7 days]: 2 ended, 1 bad.
        ended(now - 7 * day, "connection_lost"),
        ended(now - 14 * day + 1, "declined"),
        ended(now - 10 * day, null),
        // Before either week, still in the window: counted per day only.
        ended(now - 14 * day, "timed_out"),
      ],
      now,
    );
    expect(summary.thisWeek).toEqual({ ended: 4, bad: 3, share: 0.75 });
    expect(summary.lastWeek).toEqual({ ended: 2, bad: 1, share: 0.5 });
    expect(total(summary.perDay)).toBe(9);
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
    const summary = summarizeCalls([ended(now - hour, null), ended(now - 8 * day, null)], now);
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

    const o = await loadCallsOverview(client(), testNow);
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
    const o = await loadCallsOverview(client(), testNow);
    expect(total(o.perDay)).toBe(recent.length);
    const byResult = (r: string) => o.perDay.reduce((sum, p) => sum + (p.byResult[r] ?? 0), 0);
    for (const r of new Set(recent.map((c) => c.end_result))) expect(byResult(r)).toBe(recent.filter((c) => c.end_result === r).length);
  });
});
