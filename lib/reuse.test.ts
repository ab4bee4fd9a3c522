import { describe, expect, test } from "vitest";
import { reuse, reuseFor } from "./reuse";

describe("a reused read", () => {
  test("answers every caller within its lifetime from one read, then reads again", async () => {
    let clock = 0;
    let reads = 0;
    const read = reuseFor(
      "test.1",
      60_000,
      async () => ++reads,
      () => clock,
    );
    expect(await Promise.all([read(), read()])).toEqual([1, 1]);
    clock = 59_999;
    expect(await read()).toBe(1);
    clock = 60_000;
    expect(await read()).toBe(2);
    expect(reads).toBe(2);
  });

  test("shares a read still under way, however long it takes, and counts its lifetime from when it finished", async () => {
    let clock = 0;
    let reads = 0;
    let finish: (n: number) => void = () => undefined;
    const read = reuseFor(
      "test.2",
      60_000,
      () => new Promise<number>((done) => ((reads += 1), (finish = done))),
      () => clock,
    );
    const first = read();
    clock = 120_000;
    const second = read();
    expect(reads).toBe(1);
    finish(7);
    expect(await Promise.all([first, second])).toEqual([7, 7]);
    clock = 179_999;
    expect(await read()).toBe(7);
    expect(reads).toBe(1);
  });

  test("does not keep a failure", async () => {
    let reads = 0;
    const read = reuseFor(
      "test.3",
      60_000,
      async () => {
        reads += 1;
        if (reads === 1) throw new Error("upstream down");
        return reads;
      },
      () => 0,
    );
    await expect(read()).rejects.toThrow("upstream down");
    expect(await read()).toBe(2);
    expect(await read()).toBe(2);
  });

  test("by window, answers at most one read a window however many ask, one key at a time", async () => {
    let clock = 1_000;
    let reads = 0;
    const read = (key: string) => reuse(key, async () => ++reads, { maxAgeMs: 5_000, from: "window", clock: () => clock });
    expect(await Promise.all([read("a"), read("a"), read("a")])).toEqual([1, 1, 1]);
    expect(await read("b")).toBe(2);
    clock = 4_999;
    expect(await read("a")).toBe(1);
    clock = 5_000;
    expect(await read("a")).toBe(3);
    // One caller asking once every window reads every time.
    clock = 10_001;
    expect(await read("a")).toBe(4);
    expect(reads).toBe(4);
  });
});
