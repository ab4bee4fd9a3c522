import { afterEach, describe, expect, test } from "vitest";
import { configureLog } from "@/lib/observability/log";
import { metrics } from "@/lib/observability/metrics";
import { withRequestContext } from "@/lib/observability/request-context";
import { createSendbirdClient } from "./client";
import type { SendbirdClient } from "./client";
import { SendbirdConnectionError, SendbirdNotFoundError, SendbirdRateLimitError, SendbirdServerError, SendbirdTimeoutError } from "./errors";
import type { SendbirdError } from "./errors";
import { fakeFetch } from "./testing/fake-fetch";
import type { FakeReply } from "./testing/fake-fetch";
import { wire } from "./testing/wire";
import { route } from "./transport";

type Step = "ok" | "network" | FakeReply;

const serverError: FakeReply = { status: 500, json: { error: true, code: 500999, type: "UNKNOWN_ERROR", message: "Boom." } };
const tooMany: FakeReply = { status: 429, json: { message: "Too many requests", code: 429100, type: "RATE_LIMIT_EXCEEDED" } };
const notFound: FakeReply = { status: 400, json: { error: true, code: 400200, type: "NOT_FOUND", message: "Nope." } };

/** A client whose fake host answers `steps` in order (the last one repeats) and whose sleeps are only recorded. */
function scripted(steps: Step[], options: { maxRetries?: number; retryBaseMs?: number; maxRetryAfterMs?: number } = {}) {
  const sleeps: number[] = [];
  let i = 0;
  const fake = fakeFetch((request) => {
    const step = steps[Math.min(i, steps.length - 1)] ?? "ok";
    i += 1;
    if (step === "network") throw new TypeError("fetch failed");
    if (step !== "ok") return step;
    if (request.url.includes("/v3/")) return { json: wire.user() };
    return { json: request.url.includes("/rooms") ? { room: wire.room() } : { live_event: wire.liveEvent() } };
  });
  const client = createSendbirdClient({
    appId: "app1",
    apiToken: "t",
    fetch: fake.fetch,
    throttle: false,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...options,
  });
  return { client, sent: fake.sent, sleeps };
}

interface RetryCase {
  rule: string;
  steps: Step[];
  call: (c: SendbirdClient) => Promise<unknown>;
  attempts: number;
  /** The error class when the call fails; undefined when it succeeds. */
  fails?: typeof SendbirdError;
}

const retrieve = (c: SendbirdClient) => c.liveEvents.retrieve("le-1");
const create = (c: SendbirdClient) => c.liveEvents.create({ hostCandidates: ["u-1"] });

const retryCases: RetryCase[] = [
  { rule: "a GET retries a 5xx and succeeds", steps: [serverError, "ok"], call: retrieve, attempts: 2 },
  { rule: "a GET retries a dropped connection and succeeds", steps: ["network", "ok"], call: retrieve, attempts: 2 },
  { rule: "a GET gives up after maxRetries retries", steps: [serverError], call: retrieve, attempts: 4, fails: SendbirdServerError },
  { rule: "a GET does not retry a 4xx", steps: [notFound, "ok"], call: retrieve, attempts: 1, fails: SendbirdNotFoundError },
  { rule: "a POST does not retry a 5xx", steps: [serverError, "ok"], call: create, attempts: 1, fails: SendbirdServerError },
  { rule: "a POST does not retry a dropped connection", steps: ["network", "ok"], call: create, attempts: 1, fails: SendbirdConnectionError },
  {
    rule: "a PUT does not retry a 5xx",
    steps: [serverError, "ok"],
    call: (c) => c.users.update("u-1", { nickname: "x" }),
    attempts: 1,
    fails: SendbirdServerError,
  },
  { rule: "a DELETE does not retry a 5xx", steps: [serverError, "ok"], call: (c) => c.liveEvents.end("le-1"), attempts: 1, fails: SendbirdServerError },
  { rule: "a POST retries a 429, which was not processed", steps: [tooMany, tooMany, "ok"], call: create, attempts: 3 },
  { rule: "a GET gives up on 429s after maxRetries retries", steps: [tooMany], call: retrieve, attempts: 4, fails: SendbirdRateLimitError },
];

describe("retry rule", () => {
  test.each(retryCases.map((c) => [c.rule, c] as const))("%s", async (_rule, c) => {
    const { client, sent } = scripted(c.steps);
    const outcome = c.call(client);
    if (c.fails) await expect(outcome).rejects.toBeInstanceOf(c.fails);
    else await expect(outcome).resolves.toBeDefined();
    expect(sent).toHaveLength(c.attempts);
  });

  test("a 429 waits the X-RateLimit-RetryAfter seconds before retrying", async () => {
    const { client, sleeps } = scripted([{ ...tooMany, headers: { "X-RateLimit-RetryAfter": "0.25" } }, "ok"]);
    await client.users.retrieve("u-1");
    expect(sleeps).toEqual([250]);
  });

  test("a 429 without the header backs off exponentially with jitter", async () => {
    const { client, sleeps } = scripted([tooMany, tooMany, tooMany, "ok"], { retryBaseMs: 100 });
    await client.liveEvents.retrieve("le-1");
    expect(sleeps).toHaveLength(3);
    sleeps.forEach((ms, attempt) => {
      expect(ms).toBeGreaterThanOrEqual(100 * 2 ** attempt * 0.75);
      expect(ms).toBeLessThanOrEqual(100 * 2 ** attempt * 1.25);
    });
  });

  test("a Retry-After longer than the client will wait gives up at once", async () => {
    const { client, sent } = scripted([{ ...tooMany, headers: { "X-RateLimit-RetryAfter": "31" } }, "ok"], { maxRetryAfterMs: 30_000 });
    await expect(client.liveEvents.retrieve("le-1")).rejects.toMatchObject({ name: "SendbirdRateLimitError", retryAfterSeconds: 31 });
    expect(sent).toHaveLength(1);
  });
});

describe("what each call leaves for operators", () => {
  afterEach(() => configureLog(undefined));

  /** A counter's value for one label set, as the registry has it now. */
  async function counted(name: string, labels: Record<string, string>): Promise<number> {
    const metric = await metrics().registry.getSingleMetric(name)?.get();
    return metric?.values.find((v) => Object.entries(labels).every(([k, value]) => v.labels[k] === value))?.value ?? 0;
  }

  test("counts each attempt by endpoint template and outcome, and a 429's wait by its reason", async () => {
    const endpoint = "GET /v1/live-events/{id}";
    const before = {
      limited: await counted("showrunner_sendbird_calls_total", { endpoint, outcome: "rate_limited" }),
      ok: await counted("showrunner_sendbird_calls_total", { endpoint, outcome: "ok" }),
      waited: await counted("showrunner_sendbird_rate_limit_wait_seconds_total", { reason: "retry_after" }),
    };
    const { client } = scripted([{ ...tooMany, headers: { "X-RateLimit-RetryAfter": "0.25" } }, "ok"]);
    await client.liveEvents.retrieve("le-secret-id");
    expect(await counted("showrunner_sendbird_calls_total", { endpoint, outcome: "rate_limited" })).toBe(before.limited + 1);
    expect(await counted("showrunner_sendbird_calls_total", { endpoint, outcome: "ok" })).toBe(before.ok + 1);
    expect(await counted("showrunner_sendbird_rate_limit_wait_seconds_total", { reason: "retry_after" })).toBeCloseTo(before.waited + 0.25);
  });

  test("logs each attempt with the request's id: a failure at warn, a success at debug, never the token or an id", async () => {
    const lines: string[] = [];
    configureLog({ format: "json", level: "debug", write: (line) => lines.push(line) });
    const { client } = scripted([serverError, "ok"]);
    await withRequestContext({ id: "req-9" }, () => client.liveEvents.retrieve("le-secret-id"));
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(parsed).toEqual([
      expect.objectContaining({
        level: "warn",
        msg: "sendbird call",
        requestId: "req-9",
        endpoint: "GET /v1/live-events/{id}",
        status: 500,
        outcome: "server_error",
        attempt: 1,
      }),
      expect.objectContaining({ level: "debug", msg: "sendbird call", requestId: "req-9", status: 200, outcome: "ok", attempt: 2 }),
    ]);
    expect(lines.join("\n")).not.toContain("le-secret-id");
  });
});

describe("timeouts", () => {
  test("an answer slower than timeoutMs becomes SendbirdTimeoutError", async () => {
    const hang: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
      });
    const client = createSendbirdClient({ appId: "app1", apiToken: "t", fetch: hang, throttle: false, timeoutMs: 30, maxRetries: 0 });
    const err: unknown = await client.liveEvents.retrieve("le-1").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SendbirdTimeoutError);
    expect(err).toMatchObject({ host: "calls", status: 0, code: null, method: "GET", path: "/live-events/le-1" });
  });
});

describe("a secret in the path", () => {
  const secret = "0123456789abcdef0123456789abcdef0000wxyz";
  const echo: FakeReply = { status: 400, json: { error: true, code: 400201, message: `"API token" ${secret} not found.` } };

  test.each([
    ["revoking", (c: SendbirdClient) => c.apiTokens.revoke(secret), "DELETE"],
    ["reading", (c: SendbirdClient) => c.apiTokens.retrieve(secret), "GET"],
  ])("an error while %s a token shows only its last four characters and names the route template", async (_doing, call, method) => {
    const { client, sent } = scripted([echo]);
    const err: unknown = await call(client).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SendbirdNotFoundError);
    expect(err).toMatchObject({
      host: "chat",
      status: 400,
      code: 400201,
      method,
      path: "/applications/api_tokens/{token}",
      message: '"API token" …wxyz not found.',
    });
    expect(JSON.stringify({ ...(err as object), message: (err as Error).message })).not.toContain(secret);
    // The request itself still went to the token's own path.
    expect(sent[0]?.url).toMatch(new RegExp(`/applications/api_tokens/${secret}$`));
  });

  test("a request without a secret keeps its path and Sendbird's message as they are", async () => {
    const { client } = scripted([{ status: 400, json: { error: true, code: 400201, message: `User ${secret} not found.` } }]);
    await expect(client.users.retrieve(secret)).rejects.toMatchObject({ path: `/users/${secret}`, message: `User ${secret} not found.` });
  });
});

describe("onAnswered", () => {
  test("is called after each 2xx answer only, not after an error or a dropped connection", async () => {
    let answered = 0;
    const onAnswered = () => {
      answered += 1;
    };
    const steps: Step[] = [notFound, "network", "ok", serverError];
    let i = 0;
    const fake = fakeFetch(() => {
      const step = steps[i++] ?? "ok";
      if (step === "network") throw new TypeError("fetch failed");
      return step === "ok" ? { json: wire.user() } : step;
    });
    const client = createSendbirdClient({ appId: "app1", apiToken: "t", fetch: fake.fetch, throttle: false, maxRetries: 0, onAnswered });
    await expect(client.users.retrieve("u-1")).rejects.toMatchObject({ status: 400 });
    await expect(client.users.retrieve("u-1")).rejects.toBeInstanceOf(SendbirdConnectionError);
    expect(answered).toBe(0);
    await client.users.retrieve("u-1");
    expect(answered).toBe(1);
    await expect(client.users.retrieve("u-1")).rejects.toBeInstanceOf(SendbirdServerError);
    expect(answered).toBe(1);
    expect(fake.sent).toHaveLength(4);
  });
});

describe("a route", () => {
  test("keeps its template as the endpoint and encodes each value once, as one segment", () => {
    expect(route("/users")).toEqual({ path: "/users", endpoint: "/users" });
    expect(route("/users/{id}/metadata/{key}", { id: "a/b", key: "what?#" })).toEqual({
      path: "/users/a%2Fb/metadata/what%3F%23",
      endpoint: "/users/{id}/metadata/{key}",
    });
    expect(route("/rooms/{id}", { id: "100%" }).path).toBe("/rooms/100%25");
    expect(route("/rooms/{id}", { id: "%2F" }).path).toBe("/rooms/%252F");
    expect(route("/rooms/{id}", { id: "é 😀" }).path).toBe("/rooms/%C3%A9%20%F0%9F%98%80");
    expect(route("/rooms/{id}", { id: "..." }).path).toBe("/rooms/...");
  });

  test("refuses '.' and '..' as a value, as id() does", () => {
    expect(() => route("/rooms/{id}", { id: ".." })).toThrow(TypeError);
    expect(() => route("/users/{id}/metadata/{key}", { id: "u", key: "." })).toThrow(TypeError);
  });

  test("refuses a placeholder without a value and a value without a placeholder", () => {
    // @ts-expect-error -- {key} has no value
    expect(() => route("/users/{id}/metadata/{key}", { id: "u" })).toThrow("No value for {key}");
    // @ts-expect-error -- there is no {key}
    expect(() => route("/users/{id}", { id: "u", key: "k" })).toThrow("has no {key}");
    // @ts-expect-error -- a template without placeholders takes no values
    expect(() => route("/users", { id: "u" })).toThrow("has no {id}");
  });
});
