import { afterEach, describe, expect, test } from "vitest";
import { keepStarting, recordSyncStart, startRetryMs, syncStartProblem } from "./start-state";

afterEach(() => recordSyncStart(null));

describe("starting the activity sync", () => {
  test("waits 5 s, then twice as long after each failure, at most 5 minutes", () => {
    expect([1, 2, 3, 4, 7, 8, 20].map(startRetryMs)).toEqual([5_000, 10_000, 20_000, 40_000, 5 * 60_000, 5 * 60_000, 5 * 60_000]);
  });

  test("tries again until it starts, saying why each time, and the problem is gone once it has", async () => {
    const lines: string[] = [];
    const waits: number[] = [];
    const seen: (string | undefined)[] = [];
    let calls = 0;
    await keepStarting(
      async () => {
        calls += 1;
        if (calls < 3) throw new Error("PGlite failed to initialize properly");
      },
      {
        log: (line) => lines.push(line),
        now: () => 1_000,
        sleep: async (ms) => {
          waits.push(ms);
          seen.push(syncStartProblem()?.message);
        },
      },
    );
    expect(calls).toBe(3);
    expect(waits).toEqual([5_000, 10_000]);
    expect(seen).toEqual(["PGlite failed to initialize properly", "PGlite failed to initialize properly"]);
    expect(lines[0]).toMatch(/did not start \(attempt 1; trying again in 5 s\): PGlite failed/);
    expect(lines.at(-1)).toBe("the activity sync has started.");
    expect(syncStartProblem()).toBeNull();
  });
});
