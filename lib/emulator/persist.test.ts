import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { createEmulator } from "./emulator";
import { WorldFileError, keepWorld, loadWorld } from "./persist";
import { createLiveEvent } from "./store/live-events";
import { testNow } from "./testing/harness";

const emulator = () => createEmulator({ seed: 7, size: "small", rateLimits: false, clock: { frozenAt: testNow } });

describe("the saved demo world", () => {
  test("comes back after a restart with what was created and revoked since", () => {
    const file = join(mkdtempSync(join(tmpdir(), "world-")), "emulator-world.json");
    const first = emulator();
    const id = createLiveEvent(first.store, {
      host_type: "single_user",
      live_event_type: "live_event_for_video",
      user_ids_for_host: [],
      title: "Made before the restart",
    }).live_event_id;
    const token = [...first.store.apiTokens.keys()][0];
    if (token) first.store.apiTokens.delete(token);
    const kept = keepWorld(first, file, 60_000);
    kept.stop();
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const second = emulator();
    expect(second.store.liveEvents.has(id)).toBe(false);
    expect(loadWorld(second, file)).toBe(true);
    expect(second.store.liveEvents.has(id)).toBe(true);
    if (token) expect(second.store.apiTokens.has(token)).toBe(false);
    expect(JSON.stringify(second.store.exportState())).toBe(readFileSync(file, "utf8"));
  });

  test("is absent on a first start, and a damaged file stops the start with what to do, changing nothing", () => {
    const dir = mkdtempSync(join(tmpdir(), "world-"));
    const fresh = emulator();
    const before = JSON.stringify(fresh.store.exportState());
    expect(loadWorld(fresh, join(dir, "none.json"))).toBe(false);
    for (const text of ["{ not json", JSON.stringify({ version: 1, users: "nope" })]) {
      writeFileSync(join(dir, "bad.json"), text);
      expect(() => loadWorld(fresh, join(dir, "bad.json"))).toThrow(WorldFileError);
      expect(() => loadWorld(fresh, join(dir, "bad.json"))).toThrow(/--start-over/);
    }
    expect(JSON.stringify(fresh.store.exportState())).toBe(before);
  });
});
