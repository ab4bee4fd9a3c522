import { afterEach, describe, expect, test } from "vitest";
import { startTestEmulator, testNow } from "@/lib/emulator/testing/harness";
import type { TestEmulator } from "@/lib/emulator/testing/harness";
import { emulatedClient } from "@/lib/sendbird/testing/emulated";
import type { SendbirdClient } from "@/lib/sendbird/client";
import { overviewDays, windowStart } from "@/lib/overview-window";
import { loadOverview, summarize } from "./overview";

const hour = 3_600_000;
const day = 24 * hour;
/** 2026-11-20T03:14:07Z */
const now = Date.UTC(2026, 10, 20, 3, 14, 7);
const at = (iso: string, state = "ended") => ({ state, createdAt: Date.parse(iso) });
const countOn = (perDay: { day: string; count: number }[], d: string) => perDay.find((p) => p.day === d)?.count;

describe("the overview summary", () => {
  test("has 30 UTC days, oldest first, today last, every empty day at zero", () => {
    const { perDay } = summarize([], now);
    expect(perDay).toHaveLength(overviewDays);
    expect(perDay[0]).toEqual({ day: "2026-10-22", count: 0 });
    expect(perDay.at(-1)).toEqual({ day: "2026-11-20", count: 0 });
    expect(new Set(perDay.map((p) => p.day)).size).toBe(overviewDays);
    expect(perDay.every((p) => p.count === 0)).toBe(true);
  });

  test("buckets events by their UTC creation day, whatever the hour", () => {
    const { perDay } = summarize(
      [
        at("2026-11-19T00:00:00.000Z"),
        at("2026-11-19T23:59:59.999Z"),
        at("2026-11-20T00:00:00.000Z"),
        at("2026-11-20T03:14:07.000Z"),
        at("2026-10-22T00:00:00.000Z"),
      ],
      now,
    );
    expect(countOn(perDay, "2026-11-19")).toBe(2);
    expect(countOn(perDay, "2026-11-20")).toBe(2);
    expect(countOn(perDay, "2026-10-22")).toBe(1);
    expect(perDay.reduce((sum, p) => sum + p.count, 0)).toBe(5);
  });

  test("leaves out events created before the oldest day or after today", () => {
    const summary = summarize([at("2026-10-21T23:59:59.999Z"), at("2026-11-21T00:00:00.000Z"), at("2026-10-22T00:00:00.000Z")], now);
    expect(summary.perDay.reduce((sum, p) => sum + p.count, 0)).toBe(1);
    expect(summary.byState.ended).toBe(1);
  });

  test("counts the window's events by state and ignores states it does not know", () => {
    const { byState } = summarize(
      [
        at("2026-11-01T10:00:00Z", "created"),
        at("2026-11-02T10:00:00Z", "ready"),
        at("2026-11-03T10:00:00Z", "ready"),
        at("2026-11-04T10:00:00Z", "ongoing"),
        at("2026-11-05T10:00:00Z", "ended"),
        at("2026-11-06T10:00:00Z", "ended"),
        at("2026-11-07T10:00:00Z", "ended"),
        at("2026-11-08T10:00:00Z", "paused"),
      ],
      now,
    );
    expect(byState).toEqual({ created: 1, ready: 2, ongoing: 1, ended: 3 });
  });

  test("starts its window at UTC midnight 29 days before today", () => {
    expect(new Date(windowStart(now)).toISOString()).toBe("2026-10-22T00:00:00.000Z");
    expect(windowStart(Date.UTC(2026, 10, 20))).toBe(windowStart(Date.UTC(2026, 10, 20, 23, 59, 59, 999)));
  });
});

describe("the overview read from the emulator", () => {
  let t: TestEmulator;
  afterEach(() => t.close());

  const client = (): SendbirdClient => emulatedClient(t, { retryBaseMs: 20 });
  const emulatorNow = async (): Promise<number> => (await t.control("GET", "/clock")).json.now;

  test("counts open events whenever created, and ended events and days only within the window", async () => {
    t = await startTestEmulator();
    const c = client();
    const create = () => c.liveEvents.create({ hostCandidates: ["host-1"] });
    // 2026-11-01: one event left in created, one ended; both fall out of the window later.
    await create();
    await c.liveEvents.end((await create()).id);
    // 2026-12-06 12:00: one ended, one ready.
    await t.control("POST", "/clock/advance", { ms: 35 * day });
    await c.liveEvents.end((await create()).id);
    await c.liveEvents.setReady((await create()).id);
    // 2026-12-08 01:00: one on air, one created.
    await t.control("POST", "/clock/advance", { ms: day + 13 * hour });
    const live = await create();
    await c.liveEvents.setReady(live.id);
    await c.liveEvents.start(live.id);
    await create();

    const o = await loadOverview(c, await emulatorNow());
    expect(o.byState).toEqual({ created: 2, ready: 1, ongoing: 1, ended: 1 });
    expect(o.perDay).toHaveLength(30);
    expect(o.perDay[0]?.day).toBe("2026-11-09");
    expect(o.perDay.at(-1)).toEqual({ day: "2026-12-08", count: 2 });
    expect(countOn(o.perDay, "2026-12-06")).toBe(2);
    expect(o.perDay.reduce((sum, p) => sum + p.count, 0)).toBe(4);
    expect(o.windowStart).toBe(Date.UTC(2026, 10, 9));
  });

  test("walks every page of a seeded month and agrees with the emulator's own records", async () => {
    t = await startTestEmulator({ seed: 7, size: "demo" });
    const events = t.emulator.store.liveEventOrder;
    expect(events.length).toBeGreaterThan(100);
    const o = await loadOverview(client(), testNow);
    const from = windowStart(testNow);
    const recent = events.filter((e) => e.created_at >= from);
    const open = (state: string) => events.filter((e) => e.state === state).length;
    expect(o.byState).toEqual({
      created: open("created"),
      ready: open("ready"),
      ongoing: open("ongoing"),
      ended: recent.filter((e) => e.state === "ended").length,
    });
    expect(o.perDay.reduce((sum, p) => sum + p.count, 0)).toBe(recent.length);
    expect(o.perDay.at(-1)?.day).toBe(new Date(testNow).toISOString().slice(0, 10));
  });
});
