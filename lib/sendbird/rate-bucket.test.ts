import fc from "fast-check";
import { afterEach, describe, expect, test, vi } from "vitest";
import type { SendbirdHost } from "./errors";
import { RateBucket, realSleep } from "./rate-bucket";

/** Sendbird's published per-endpoint limits per second (calls host; the chat host's free tier is the same). */
const published: Record<string, number> = { GET: 10, POST: 5, PUT: 5, DELETE: 5 };

/**
 * A bucket on a fake clock whose sleep returns at once and records how long it was asked to wait, so
 * each request's departure time is the clock when it asked plus that wait.
 */
function fakeBucket() {
  let now = 0;
  let waited = 0;
  const bucket = new RateBucket(
    undefined,
    () => now,
    async (ms) => {
      waited += ms;
    },
  );
  return {
    /** Moves the fake clock to `ms`. */
    at(ms: number) {
      now = ms;
    },
    /** When a request asking now may leave. */
    async send(method = "GET", endpoint = "/live-events", host: SendbirdHost = "calls"): Promise<number> {
      waited = 0;
      await bucket.acquire(host, method, endpoint);
      return now + waited;
    },
  };
}

async function times(count: number, send: () => Promise<number>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i += 1) out.push(await send());
  return out;
}

/** The most departures that fall in any closed one-second window. */
function busiestSecond(departures: number[]): number {
  const sorted = [...departures].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i += 1) {
    while ((sorted[i] ?? 0) - (sorted[j] ?? 0) > 1000) j += 1;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

describe("RateBucket", () => {
  test("lets a burst of two reads through at once, then one every 125 ms", async () => {
    const b = fakeBucket();
    expect(await times(6, () => b.send("GET"))).toEqual([0, 0, 125, 250, 375, 500]);
  });

  test.each(["POST", "PUT", "DELETE"])("lets one %s through at once, then one every 250 ms", async (method) => {
    const b = fakeBucket();
    expect(await times(4, () => b.send(method))).toEqual([0, 250, 500, 750]);
  });

  test("a request after a short pause waits only for what has not refilled yet", async () => {
    const b = fakeBucket();
    await times(2, () => b.send());
    b.at(60);
    expect(await b.send()).toBeCloseTo(125, 6);
  });

  test("a long idle refills no more than the burst", async () => {
    const b = fakeBucket();
    await times(2, () => b.send());
    b.at(10_000);
    expect(await times(3, () => b.send())).toEqual([10_000, 10_000, 10_125]);
  });

  test("each endpoint has its own budget", async () => {
    const b = fakeBucket();
    await times(5, () => b.send("GET", "/live-events"));
    expect(await b.send("GET", "/live-events/{id}")).toBe(0);
    expect(await b.send("GET", "/live-events")).toBe(500);
  });

  test("each method has its own budget on one endpoint", async () => {
    const b = fakeBucket();
    await times(5, () => b.send("GET", "/live-events/{id}"));
    expect(await b.send("PUT", "/live-events/{id}")).toBe(0);
    expect(await b.send("DELETE", "/live-events/{id}")).toBe(0);
    expect(await b.send("PUT", "/live-events/{id}")).toBe(250);
  });

  test("each host has its own budget for the same path", async () => {
    const b = fakeBucket();
    await times(5, () => b.send("GET", "/users/{id}", "calls"));
    expect(await b.send("GET", "/users/{id}", "chat")).toBe(0);
  });

  test.each(["GET", "POST", "PUT", "DELETE"])("a crowd of 200 %s requests at once never exceeds the published limit in any second", async (method) => {
    const b = fakeBucket();
    const departures = await times(200, () => b.send(method));
    expect(busiestSecond(departures)).toBeLessThanOrEqual(published[method] ?? 0);
    // and still moves at the client's budget, not slower
    expect(Math.max(...departures)).toBeLessThanOrEqual(method === "GET" ? 198 * 125 : 199 * 250);
  });

  test("no one-second window ever exceeds the published limit, whatever the arrivals", async () => {
    const arrival = fc.record({
      gapMs: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2000 })),
      method: fc.constantFrom("GET", "POST", "PUT", "DELETE"),
      endpoint: fc.constantFrom("/live-events", "/live-events/{id}"),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(arrival, { maxLength: 300 }), async (arrivals) => {
        const b = fakeBucket();
        const departures = new Map<string, number[]>();
        let clock = 0;
        for (const { gapMs, method, endpoint } of arrivals) {
          clock += gapMs;
          b.at(clock);
          const key = `${method} ${endpoint}`;
          departures.set(key, [...(departures.get(key) ?? []), await b.send(method, endpoint)]);
        }
        for (const [key, sent] of departures) {
          const method = key.split(" ")[0] ?? "";
          expect(busiestSecond(sent)).toBeLessThanOrEqual(published[method] ?? 0);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("RateBucket's export lane", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /**
   * A bucket on fake timers: its sleeps are real timeouts that only fire as the test moves the clock, and
   * `walk` starts an export that asks for bulk reads one after another, noting when each leaves.
   */
  function onFakeTimers() {
    vi.useFakeTimers();
    const start = Date.now();
    const at = () => Date.now() - start;
    const bucket = new RateBucket(undefined, at, realSleep);
    const exported: number[] = [];
    let stopped = false;
    const walk = async () => {
      while (!stopped) {
        await bucket.acquire("calls", "GET", "/direct_calls", "bulk");
        if (!stopped) exported.push(at());
      }
    };
    /** When an interactive read asking now leaves. */
    const interactive = async (): Promise<number> => {
      let left = -1;
      void bucket.acquire("calls", "GET", "/direct_calls").then(() => {
        left = at();
      });
      await vi.advanceTimersByTimeAsync(0);
      return left;
    };
    const stop = async () => {
      stopped = true;
      await vi.advanceTimersByTimeAsync(5000);
    };
    return { at, walk, interactive, exported, stop };
  }

  test("serves an interactive read at once while twelve exports saturate the lane", async () => {
    const b = onFakeTimers();
    const walks = Array.from({ length: 12 }, () => b.walk());
    await vi.advanceTimersByTimeAsync(3000);
    // The exports are not starved: they have the whole budget while nobody else reads.
    expect(b.exported.length).toBeGreaterThanOrEqual(22);
    const asked = b.at();
    expect(await b.interactive()).toBe(asked);
    await b.stop();
    await Promise.all(walks);
  });

  test("keeps serving interactive reads at once, a page view every 300 ms, while exports take what is left", async () => {
    const b = onFakeTimers();
    const walks = Array.from({ length: 12 }, () => b.walk());
    const waits: number[] = [];
    const pageViews: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      await vi.advanceTimersByTimeAsync(300);
      const asked = b.at();
      const left = await b.interactive();
      waits.push(left - asked);
      pageViews.push(left);
    }
    expect(waits).toEqual(Array.from({ length: 20 }, () => 0));
    // 6 s at 8 reads a second, less the 20 interactive ones: the exports used the rest.
    expect(b.exported.length).toBeGreaterThanOrEqual(24);
    // Together the two lanes never exceed Sendbird's published limit in any second.
    expect(busiestSecond([...b.exported, ...pageViews])).toBeLessThanOrEqual(published.GET ?? 0);
    await b.stop();
    await Promise.all(walks);
  });

  test("lets exports through in the order they asked", async () => {
    const b = onFakeTimers();
    const bucket = new RateBucket(undefined, b.at, realSleep);
    const order: number[] = [];
    const asks = Array.from({ length: 6 }, (_, i) => bucket.acquire("calls", "GET", "/direct_calls", "bulk").then(() => order.push(i)));
    await vi.advanceTimersByTimeAsync(2000);
    await Promise.all(asks);
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
  });

  test("changes nothing for writes: the lane is for reads", async () => {
    const b = onFakeTimers();
    const bucket = new RateBucket(undefined, b.at, realSleep);
    let left = -1;
    void bucket.acquire("calls", "PUT", "/direct_calls/{id}", "bulk").then(() => {
      left = b.at();
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(left).toBe(0);
  });
});
