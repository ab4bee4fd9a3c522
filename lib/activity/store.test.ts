import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { OpenDatabase } from "@/lib/db";
import { engines, freshDatabase } from "@/lib/db/testing";
import { recordSamples, samplesFor } from "./store";

const start = Date.UTC(2026, 10, 1, 12, 0, 0);
const second = 1000;

describe.each(engines)("participant-count samples on %s", (engine) => {
  let d: OpenDatabase;
  // Opening and migrating a fresh embedded database takes several seconds on a busy machine.
  beforeAll(async () => {
    d = await freshDatabase(engine);
  }, 30_000);
  afterAll(() => d.close());

  test("returns an event's readings oldest first, and only that event's", async () => {
    await recordSamples(d.db, [
      { liveEventId: "ev-a", at: start + 60 * second, participantCount: 7 },
      { liveEventId: "ev-a", at: new Date(start), participantCount: 3 },
      { liveEventId: "ev-b", at: start + 30 * second, participantCount: 99 },
    ]);
    expect(await samplesFor(d.db, "ev-a")).toEqual([
      { at: start, participantCount: 3 },
      { at: start + 60 * second, participantCount: 7 },
    ]);
    expect(await samplesFor(d.db, "ev-b")).toEqual([{ at: start + 30 * second, participantCount: 99 }]);
  });

  test("ignores a second reading of the same event at the same moment and says how many were new", async () => {
    expect(await recordSamples(d.db, [{ liveEventId: "ev-c", at: start, participantCount: 5 }])).toBe(1);
    expect(
      await recordSamples(d.db, [
        { liveEventId: "ev-c", at: start, participantCount: 6 },
        { liveEventId: "ev-c", at: start + second, participantCount: 8 },
      ]),
    ).toBe(1);
    expect(await samplesFor(d.db, "ev-c")).toEqual([
      { at: start, participantCount: 5 },
      { at: start + second, participantCount: 8 },
    ]);
    expect(await recordSamples(d.db, [])).toBe(0);
  });

  test("answers an empty list for an event never sampled", async () => {
    expect(await samplesFor(d.db, "never-sampled")).toEqual([]);
  });

  test("keeps at most maxPoints readings, the highest of each stretch, so a short peak survives", async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => ({ liveEventId: "ev-long", at: start + i * 30 * second, participantCount: 100 + (i % 7) }));
    const spike = rows[613];
    if (!spike) throw new Error("no reading 613");
    spike.participantCount = 5000;
    await recordSamples(d.db, rows);

    const points = await samplesFor(d.db, "ev-long", { maxPoints: 50 });
    expect(points.length).toBeLessThanOrEqual(50);
    expect(points.length).toBeGreaterThanOrEqual(45);
    expect(points.map((p) => p.at)).toEqual([...points.map((p) => p.at)].sort((a, b) => a - b));
    expect(points).toContainEqual({ at: spike.at, participantCount: 5000 });
    // Every kept point is a real reading, and each is the highest of its stretch (the pattern peaks at 106).
    const stored = new Map(rows.map((r) => [r.at, r.participantCount]));
    for (const p of points) expect(stored.get(p.at)).toBe(p.participantCount);
    expect(points.filter((p) => p.at !== spike.at).every((p) => p.participantCount === 106)).toBe(true);
    expect(points[points.length - 1]?.at).toBeGreaterThan(start + 950 * 30 * second);

    expect(await samplesFor(d.db, "ev-long")).toHaveLength(300);
    expect(await samplesFor(d.db, "ev-long", { maxPoints: 2000 })).toHaveLength(1000);
  });
});
