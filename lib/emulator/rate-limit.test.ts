import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { startTestEmulator } from "./testing/harness";
import type { CallResult, TestEmulator } from "./testing/harness";

let t: TestEmulator;
beforeEach(async () => {
  t = await startTestEmulator({ rateLimits: true });
});
afterEach(() => t.close());

/** Sends the same request `n` times in a row and returns the statuses. */
async function burst(n: number, method: string, path: (i: number) => string, body?: unknown): Promise<CallResult[]> {
  const results: CallResult[] = [];
  for (let i = 0; i < n; i += 1) results.push(await t.call(method, path(i), { body }));
  return results;
}

const statuses = (results: CallResult[]) => results.map((r) => r.status);
const ok = (n: number) => Array.from({ length: n }, () => 200);

describe("rate limits on the calls host (/v1)", () => {
  test("the 11th GET within a second on one endpoint is HTTP 429 with the published body", async () => {
    const results = await burst(11, "GET", () => "/v1/rooms");
    expect(statuses(results)).toEqual([...ok(10), 429]);
    const limited = results[10];
    expect(JSON.stringify(limited?.json)).toBe('{"message":"Too many requests","code":429100,"type":"RATE_LIMIT_EXCEEDED"}');
  });

  test("the 6th POST within a second is HTTP 429 and creates nothing", async () => {
    const results = await burst(6, "POST", () => "/v1/rooms", { type: "small_room_for_video" });
    expect(statuses(results)).toEqual([...ok(5), 429]);
    expect(results[5]?.json).toEqual({ message: "Too many requests", code: 429100, type: "RATE_LIMIT_EXCEEDED" });
    expect((await t.control("GET", "")).json.counts.rooms).toBe(5);
  });

  test("PUT and DELETE are limited to 5 per second too", async () => {
    const put = await burst(6, "PUT", () => "/v1/direct_calls/nope/custom_items", { custom_items: { a: "1" } });
    expect(statuses(put)).toEqual([400, 400, 400, 400, 400, 429]);
    const del = await burst(6, "DELETE", () => "/v1/live-events/nope");
    expect(statuses(del)).toEqual([400, 400, 400, 400, 400, 429]);
  });

  test("counts per endpoint: another endpoint and another method are unaffected", async () => {
    expect(statuses(await burst(11, "GET", () => "/v1/rooms"))).toEqual([...ok(10), 429]);
    expect((await t.call("GET", "/v1/direct_calls")).status).toBe(200);
    expect((await t.call("GET", "/v1/rooms/nope")).status).toBe(400);
    expect((await t.call("POST", "/v1/rooms", { body: { type: "small_room_for_video" } })).status).toBe(200);
    expect((await t.call("GET", "/v1/rooms")).status).toBe(429);
  });

  test("counts an endpoint once whatever its path parameters", async () => {
    const results = await burst(11, "GET", (i) => `/v1/rooms/room-${i}`);
    expect(statuses(results)).toEqual([...Array.from({ length: 10 }, () => 400), 429]);
  });
});

describe("rate limits on the chat host (/v3)", () => {
  test("the 11th GET is HTTP 429 code 500910 with X-RateLimit-RetryAfter, and waiting that long is enough", async () => {
    const results = await burst(11, "GET", () => "/v3/users");
    expect(statuses(results)).toEqual([...ok(10), 429]);
    const limited = results[10];
    expect(limited?.json).toEqual({ error: true, code: 500910, message: expect.stringContaining("Too many requests") });
    const retryAfter = Number(limited?.headers.get("x-ratelimit-retryafter"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(1);

    await new Promise((resolve) => setTimeout(resolve, Math.ceil(retryAfter * 1000)));
    expect((await t.call("GET", "/v3/users")).status).toBe(200);
  });

  test("the 6th POST is HTTP 429 and creates nothing", async () => {
    const results: CallResult[] = [];
    for (let i = 0; i < 6; i += 1) {
      results.push(await t.call("POST", "/v3/users", { body: { user_id: `u${i}`, nickname: "", profile_url: "" } }));
    }
    expect(statuses(results)).toEqual([...ok(5), 429]);
    expect(results[5]?.json.code).toBe(500910);
    expect((await t.control("GET", "")).json.counts.users).toBe(5);
  });
});

describe("switching rate limits", () => {
  test("PUT /__emulator/settings {rate_limits: false} turns them off at once", async () => {
    expect(statuses(await burst(11, "GET", () => "/v1/rooms"))).toEqual([...ok(10), 429]);
    expect((await t.control("PUT", "/settings", { rate_limits: false })).json.rate_limits).toBe(false);
    expect(statuses(await burst(25, "GET", () => "/v1/rooms"))).toEqual(ok(25));
  });

  test("the control plane is never limited", async () => {
    expect(statuses(await burst(30, "GET", () => "/__emulator/clock"))).toEqual(ok(30));
  });

  test("an emulator booted without rate limits never answers 429", async () => {
    const free = await startTestEmulator();
    try {
      for (let i = 0; i < 25; i += 1) expect((await free.call("GET", "/v1/rooms")).status).toBe(200);
    } finally {
      await free.close();
    }
  });
});
