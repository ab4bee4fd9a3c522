import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { OpenDatabase } from "@/lib/db";
import { freshDatabase } from "@/lib/db/testing";
import { beginPass, finishPass, recordSyncError, skipEvent } from "./progress";
import { staleAfterMs, syncStatus } from "./status";

const day = 86_400_000;
const now = Date.UTC(2026, 10, 20, 12);
const settings = { syncIntervalS: 60, activityWindowDays: 30 };

describe("the Sync status", () => {
  let d: OpenDatabase;
  beforeAll(async () => {
    d = await freshDatabase("pglite");
  }, 30_000);
  afterAll(() => d.close());

  test("says the sync is off when the setting turns it off, and not run yet before its first pass", async () => {
    expect((await syncStatus(d.db, { ...settings, syncIntervalS: 0 }, now)).state).toBe("off");
    expect(await syncStatus(d.db, settings, now)).toMatchObject({ state: "never", pass: null, last: null, lastError: null, size: { events: 0, entries: 0 } });
  });

  test("shows a pass under way with how far back it has reached, then stopped part-way once its instance goes quiet", async () => {
    await beginPass(d.db, { at: now, windowStart: now - 30 * day, instance: "a (pid 1)" });
    await skipEvent(d.db, { createdAt: now - 15 * day, at: now + 1000, instance: "a (pid 1)" });
    const crawling = await syncStatus(d.db, settings, now + 2000);
    expect(crawling).toMatchObject({ state: "crawling", pass: { reachedBack: now - 15 * day, progress: 0.5, eventsSeen: 1, instance: "a (pid 1)" } });
    expect((await syncStatus(d.db, settings, now + 1000 + staleAfterMs)).state).toBe("paused");
  });

  test("keeps the last problem until a pass finishes, and then shows that pass as the last run", async () => {
    await recordSyncError(d.db, { message: "Sendbird had a problem (HTTP 500)", at: now + 3000 });
    expect((await syncStatus(d.db, settings, now + 4000)).lastError).toEqual({ message: "Sendbird had a problem (HTTP 500)", at: now + 3000 });
    await finishPass(d.db, now + 60_000);
    const idle = await syncStatus(d.db, settings, now + 61_000);
    expect(idle).toMatchObject({
      state: "idle",
      pass: null,
      lastError: null,
      last: { startedAt: now, finishedAt: now + 60_000, eventsSeen: 1, eventsCrawled: 0 },
    });
  });
});
