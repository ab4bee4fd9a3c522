import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import type { OpenDatabase } from "@/lib/db";
import { freshDatabase } from "@/lib/db/testing";
import { seedWorld } from "@/lib/emulator/seed/seed";
import { startTestEmulator, testNow } from "@/lib/emulator/testing/harness";
import type { TestEmulator } from "@/lib/emulator/testing/harness";
import { createSendbirdClient } from "@/lib/sendbird/client";
import { readSync } from "./progress";
import { startActivitySync } from "./sync";

describe("the activity sync loop", () => {
  let t: TestEmulator;
  let d: OpenDatabase;
  beforeAll(async () => {
    [t, d] = await Promise.all([startTestEmulator(), freshDatabase("pglite")]);
    seedWorld(t.emulator.store, 3, { users: 20, liveEvents: 20, calls: 0, rooms: 0, apiTokens: 0 });
  }, 30_000);
  afterAll(async () => {
    await t.close();
    await d.close();
  });

  test("keeps passing on its own, logs a failure once until it works again, and stops when told", async () => {
    let clock = testNow + 1000;
    const log = vi.fn<(line: string) => void>();
    const client = createSendbirdClient({
      apiToken: t.master,
      callsBaseUrl: t.running.callsBaseUrl,
      chatBaseUrl: t.running.chatBaseUrl,
      throttle: false,
      maxRetries: 0,
    });
    const fault = t.emulator.faults.add({ method: "*", path: "/v1/live-events/*/participants", status: 500, probability: 1, drop: false });
    const sync = startActivitySync({
      db: d.db,
      client,
      syncIntervalMs: 20,
      windowMs: 30 * 86_400_000,
      sampleIntervalMs: 0,
      firstPassDelayMs: 0,
      log,
      now: () => (clock += 1),
    });
    try {
      await vi.waitFor(async () => expect((await readSync(d.db))?.lastError).toMatch(/Sendbird had a problem/), { timeout: 5000 });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(log.mock.calls.filter(([line]) => line.includes("the activity sync failed"))).toHaveLength(1);
      t.emulator.faults.remove(fault.id);
      await vi.waitFor(() => expect(log).toHaveBeenCalledWith("the activity sync works again.", "info"), { timeout: 40_000 });
      expect(await readSync(d.db)).toMatchObject({ lastError: null, lastEventsSeen: 20 });
    } finally {
      await sync.stop();
    }
    const stoppedAt = await readSync(d.db);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await readSync(d.db))?.heartbeatAt).toEqual(stoppedAt?.heartbeatAt);
  }, 60_000);
});
