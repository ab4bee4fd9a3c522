import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { OpenDatabase } from "@/lib/db";
import { engines, freshDatabase } from "@/lib/db/testing";
import type { LiveEventDto } from "@/lib/sendbird/dto";
import type { ActivitySession } from "./sessions";
import { gatherStatistics, indexSize, knownEvents, pruneBefore, saveCrawl } from "./store";
import { recentSamples, recordSamples, samplesFor } from "./samples";

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

  test("reads many events' recent readings at once, only inside the window, oldest first", async () => {
    const minute = 60 * second;
    await recordSamples(d.db, [
      { liveEventId: "recent-a", at: start - 40 * minute, participantCount: 1 },
      { liveEventId: "recent-a", at: start - 20 * minute, participantCount: 10 },
      { liveEventId: "recent-a", at: start - 10 * minute, participantCount: 12 },
      { liveEventId: "recent-b", at: start - 5 * minute, participantCount: 40 },
      { liveEventId: "recent-c", at: start - 5 * minute, participantCount: 99 },
      { liveEventId: "recent-d", at: start - 45 * minute, participantCount: 3 },
    ]);
    const read = await recentSamples(d.db, ["recent-a", "recent-b", "recent-d", "recent-none"], { since: start - 30 * minute, until: start });
    expect([...read.keys()].sort()).toEqual(["recent-a", "recent-b"]);
    expect(read.get("recent-a")).toEqual([
      { at: start - 20 * minute, participantCount: 10 },
      { at: start - 10 * minute, participantCount: 12 },
    ]);
    expect(read.get("recent-b")).toEqual([{ at: start - 5 * minute, participantCount: 40 }]);
    expect((await recentSamples(d.db, [], { since: start - 30 * minute, until: start })).size).toBe(0);
  });

  test("keeps at most maxPoints recent readings per event, the highest of each stretch", async () => {
    const rows = (id: string, base: number) =>
      Array.from({ length: 120 }, (_, i) => ({ liveEventId: id, at: start - (120 - i) * 15 * second, participantCount: base + (i % 4) }));
    const busy = rows("recent-busy", 200);
    const spike = busy[77];
    if (!spike) throw new Error("no reading 77");
    spike.participantCount = 900;
    await recordSamples(d.db, [...busy, ...rows("recent-quiet", 5)]);

    const read = await recentSamples(d.db, ["recent-busy", "recent-quiet"], { since: start - 30 * 60 * second, until: start, maxPoints: 20 });
    for (const id of ["recent-busy", "recent-quiet"]) {
      const points = read.get(id) ?? [];
      expect(points.length).toBeGreaterThanOrEqual(15);
      expect(points.length).toBeLessThanOrEqual(20);
      expect(points.map((p) => p.at)).toEqual([...points.map((p) => p.at)].sort((a, b) => a - b));
    }
    expect(read.get("recent-busy")).toContainEqual({ at: spike.at, participantCount: 900 });
    expect(
      read
        .get("recent-busy")
        ?.filter((p) => p.at !== spike.at)
        .every((p) => p.participantCount === 203),
    ).toBe(true);
    expect(read.get("recent-quiet")?.every((p) => p.participantCount === 8)).toBe(true);
  });
});

describe.each(engines)("the index's upkeep on %s", (engine) => {
  let d: OpenDatabase;
  beforeAll(async () => {
    d = await freshDatabase(engine);
  }, 30_000);
  afterAll(() => d.close());

  const event = (id: string, createdAt: number) =>
    ({
      id,
      title: id,
      state: "ended",
      createdAt,
      startedAt: createdAt,
      endedAt: createdAt + 60_000,
      hosts: [],
      participantCount: 0,
    }) as unknown as LiveEventDto;
  const sessions = (n: number): ActivitySession[] =>
    Array.from({ length: n }, (_, i) => ({
      role: "participant",
      sessionId: `p-${i}`,
      userId: `u-${i}`,
      state: "exited",
      enteredAt: start,
      connectedAt: null,
      exitedAt: start + 1000,
      durationMs: 1000,
    }));

  test("removes the events created before the window and every session of theirs, and keeps the rest", async () => {
    const windowStart = start - 30 * 86_400_000;
    // Big enough to need several deletes and several transactions.
    await saveCrawl(d.db, { event: event("old-big", windowStart - 86_400_000), sessions: sessions(4_500), at: start });
    await saveCrawl(d.db, { event: event("old-small", windowStart - 1), sessions: sessions(3), at: start });
    await saveCrawl(d.db, { event: event("kept", windowStart + 1), sessions: sessions(2), at: start });
    await recordSamples(d.db, [{ liveEventId: "old-big", at: start, participantCount: 4500 }]);

    expect(await pruneBefore(d.db, new Date(windowStart))).toEqual({ events: 2, entries: 4_503 });
    expect(await knownEvents(d.db, ["old-big", "old-small", "kept"])).toEqual(new Map([["kept", expect.objectContaining({ final: true })]]));
    await gatherStatistics(d.db);
    expect(await indexSize(d.db)).toEqual({ events: 1, finalEvents: 1, entries: 2, entriesEstimated: true });
    // The audience curve of an old event's page stays.
    expect(await samplesFor(d.db, "old-big")).toHaveLength(1);
    expect(await pruneBefore(d.db, new Date(windowStart))).toEqual({ events: 0, entries: 0 });
  });
});
