import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import type { Route } from "./router";
import { controlRoutes } from "./routes/control";
import { apiRoutes } from "./routes";
import { startTestEmulator } from "./testing/harness";
import type { CallResult, TestEmulator } from "./testing/harness";

/** Hostile input at every route: the emulator must answer in its own envelope, never 5xx, never half-apply. */

let t: TestEmulator;
let world: World;
beforeEach(async () => {
  t = await startTestEmulator();
  world = await buildWorld(t);
  dirty = "clean";
});
afterEach(() => t.close());

const numRuns = 50;

interface World {
  /** The state export every run starts from. */
  baseline: string;
  /** Real ids per path parameter name, so hostile bodies reach past the not-found checks. */
  ids: Record<string, string>;
  secondary: string;
}

async function buildWorld(emu: TestEmulator): Promise<World> {
  const ok = (res: CallResult) => {
    expect(res.status).toBe(200);
    return res.json;
  };
  for (const user_id of ["alice", "bob", "host1"]) ok(await emu.call("POST", "/v3/users", { body: { user_id, nickname: user_id, profile_url: "" } }));
  const event = ok(await emu.call("POST", "/v1/live-events", { body: { user_ids_for_host: ["host1"], custom_items: { a: "1" } } })).live_event;
  ok(await emu.call("POST", `/v1/live-events/${event.live_event_id}/ready`));
  const host = ok(await emu.control("POST", `/live-events/${event.live_event_id}/hosts`, { user_id: "host1" })).host;
  const recording = ok(await emu.control("POST", `/live-events/${event.live_event_id}/recordings`, { status: "completed" })).recording;
  const call = ok(await emu.control("POST", "/direct-calls", { caller_id: "alice", callee_id: "bob", end_result: "completed", custom_items: { a: "1" } })).call;
  const room = ok(await emu.call("POST", "/v1/rooms", { body: { type: "small_room_for_video", custom_items: { a: "1" } } })).room;
  ok(await emu.control("POST", `/rooms/${room.room_id}/participants/join`, { user_ids: ["alice"] }));
  const secondary: string = ok(await emu.call("POST", "/v3/applications/api_tokens", { body: {} })).token;
  const baseline = await stateText(emu);
  return {
    baseline,
    secondary,
    ids: {
      live_event_id: event.live_event_id,
      host_id: host.host_id,
      recording_id: recording.recording_id,
      call_id: call.call_id,
      room_id: room.room_id,
      user_id: "alice",
      api_token: secondary,
      fault_id: "fault_1",
    },
  };
}

async function stateText(emu: TestEmulator): Promise<string> {
  const res = await fetch(`${emu.running.origin}/__emulator/state`, { headers: { "api-token": emu.master } });
  expect(res.status).toBe(200);
  return res.text();
}

/** Every endpoint the emulator serves: Live, Calls and Chat, then the control plane. */
function allRoutes(emu: TestEmulator): Route[] {
  return [...apiRoutes, ...controlRoutes({ ...emu.emulator, info: () => ({}) })];
}

/** Body fields each route reads, to send wrong types for. */
const fieldsByTemplate: Record<string, string[]> = {
  "POST /v1/live-events": ["type", "host_type", "user_ids_for_host", "title", "cover_url", "custom_items"],
  "PUT /v1/live-events/{live_event_id}": ["type", "host_type", "live_event_type", "user_ids_for_host", "title", "cover_url"],
  "POST /v1/cloud-recordings/{recording_id}/copy": ["access_key", "secret_key", "bucket", "region"],
  "PUT /v1/direct_calls/{call_id}/custom_items": ["custom_items", "mode"],
  "DELETE /v1/direct_calls/{call_id}/custom_items": ["keys"],
  "POST /v1/rooms": ["type", "custom_items"],
  "POST /v3/users": ["user_id", "nickname", "profile_url", "issue_access_token", "discovery_keys", "metadata"],
  "PUT /v3/users/{user_id}": [
    "nickname",
    "profile_url",
    "issue_access_token",
    "is_active",
    "last_seen_at",
    "discovery_keys",
    "preferred_languages",
    "metadata",
    "leave_all_when_deactivated",
  ],
  "POST /v3/users/{user_id}/token": ["expires_at"],
  "POST /v3/applications/api_tokens": ["HTTP_API_TOKEN"],
  "POST /__emulator/seed": ["seed", "size", "users", "live_events", "calls", "rooms", "api_tokens"],
  "POST /__emulator/clock/advance": ["ms"],
  "POST /__emulator/faults": ["method", "path", "status", "code", "message", "latency_ms", "probability", "count", "drop", "retry_after"],
  "PUT /__emulator/settings": ["rate_limits", "simulator"],
  "POST /__emulator/live-events/{live_event_id}/hosts": ["user_id", "stream_type", "is_audio_on", "is_video_on"],
  "POST /__emulator/live-events/{live_event_id}/participants/join": ["count", "user_ids"],
  "POST /__emulator/live-events/{live_event_id}/participants/leave": ["count", "user_ids"],
  "POST /__emulator/live-events/{live_event_id}/recordings": ["status"],
  "POST /__emulator/direct-calls/{call_id}/recordings": ["status"],
  "POST /__emulator/rooms/{room_id}/recordings": ["status"],
  "PUT /__emulator/recordings/{recording_id}": ["status"],
  "PUT /__emulator/live-events/{live_event_id}/custom-items": ["custom_items", "mode"],
  "DELETE /__emulator/live-events/{live_event_id}/custom-items": ["keys"],
  "PUT /__emulator/rooms/{room_id}/custom-items": ["custom_items", "mode"],
  "DELETE /__emulator/rooms/{room_id}/custom-items": ["keys"],
  "POST /__emulator/direct-calls": ["caller_id", "callee_id", "end_result", "is_video_call", "duration", "started_at", "custom_items"],
  "POST /__emulator/rooms/{room_id}/participants/join": ["user_ids"],
  "POST /__emulator/rooms/{room_id}/participants/leave": ["user_ids"],
  "PUT /__emulator/state": ["version", "users", "live_events", "calls", "rooms", "api_tokens"],
  "POST /__emulator/live-events/{live_event_id}/incidents/host-drop": ["hold"],
  "POST /__emulator/live-events/{live_event_id}/incidents/audience-crash": ["fraction"],
  "POST /__emulator/direct-calls/incidents/failures": ["count", "end_result", "within_ms"],
};

const queryNames = [
  "limit",
  "next",
  "prev",
  "token",
  "end_result",
  "call_ts",
  "search_scope_from_call_ts",
  "duration_range_min",
  "duration_range_max",
  "role",
  "type",
  "types",
  "start_ts",
  "end_ts",
  "state",
  "room_ids",
  "room_id",
  "created_at_start_date",
  "created_at_end_date",
  "current_participant_range_gte",
  "current_participant_range_lte",
  "created_by_user_ids",
  "keys",
  "active_mode",
  "user_ids",
  "nickname",
  "nickname_startswith",
  "metadatakey",
  "metadatavalues_in",
  "show_bot",
  "include_unread_count",
  "live_event_ids",
  "host_type",
  "host_types",
  "participant_count_range_gte",
  "duration_range_gte",
  "started_at_start_date",
];

const nastyStrings = [
  "<script>alert(1)</script>",
  "../../etc/passwd",
  "..%2F..%2Fetc%2Fpasswd",
  "%",
  "%zz",
  "%E0%A4%A",
  "\u0000",
  "\uD800",
  "\u202Egnp.exe",
  "😀🎉👩‍👩‍👧",
  "Zoë Ångström 日本語",
  "a,b,,c",
  " ",
  "",
  "__proto__",
  "constructor",
  "' OR 1=1 --",
  "${jndi:ldap://x}",
  "x".repeat(300),
  "9".repeat(30),
  "-1",
  "1e309",
  "true",
  "null",
];

const hostileString = fc.oneof(fc.constantFrom(...nastyStrings), fc.string(), fc.string({ unit: "binary" }), fc.string({ unit: "grapheme", maxLength: 40 }));

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, true, false, 0, -1, 1.5, 2 ** 53, -(2 ** 63), 1e308, [], {}, [""], { "": "" }, ["a", 1, null]),
);

/** A path segment: usually percent-encoded, sometimes raw and malformed. */
function encodeSegment(value: string): string {
  return encodeURIComponent(value.replace(/[\uD800-\uDFFF]/g, "\uFFFD"));
}

const malformedSegment = fc.constantFrom("%", "%zz", "%E0%A4%A", "%ED%A0%80", "%C0%AF", "abc%", "%%41", "%u0041");

/** A value for path parameter `name`: the real id, a hostile string, a malformed escape or a very long id. */
function segmentFor(name: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(encodeSegment(world.ids[name] ?? "x")) },
    { weight: 3, arbitrary: hostileString.filter((s) => s !== "" && s !== "." && s !== "..").map(encodeSegment) },
    { weight: 1, arbitrary: malformedSegment },
    { weight: 1, arbitrary: fc.integer({ min: 81, max: 4000 }).map((n) => "i".repeat(n)) },
  );
}

function pathArb(route: Route): fc.Arbitrary<string> {
  const parts = route.template.split("/").map((part) => (part.startsWith("{") ? segmentFor(part.slice(1, -1)) : fc.constant(part)));
  return fc.tuple(...parts).map((segments) => segments.join("/"));
}

const queryArb: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...queryNames), fc.string({ maxLength: 8 })), hostileString), { maxLength: 4 })
  .map((pairs) => (pairs.length === 0 ? "" : `?${pairs.map(([k, v]) => `${encodeSegment(k)}=${encodeSegment(v)}`).join("&")}`));

const invalidJsonText = fc.oneof(
  fc.constantFrom("{", "[1,", '{"a":}', "nul", "tru", "{'a': 1}", '{"a": 1,}', "\u0000", "[".repeat(50), '"unterminated', "{}{}", "NaN"),
  fc.string({ minLength: 1 }).filter((s) => {
    try {
      JSON.parse(s);
      return false;
    } catch {
      return s.trim() !== "";
    }
  }),
);

function wrongTypedBody(route: Route): fc.Arbitrary<Record<string, unknown>> {
  const fields = fieldsByTemplate[`${route.method} ${route.template}`] ?? ["unexpected"];
  const model = Object.fromEntries(fields.map((f) => [f, hostileValue]));
  return fc.record(model, { requiredKeys: [] }).filter((body) => Object.keys(body).length > 0);
}

interface Attempt {
  route: Route;
  path: string;
  query: string;
  /** A JSON value to send, or raw text. */
  body?: { json: unknown } | { raw: string };
  token?: string | null;
  contentType?: string;
}

/** What the last accepted request may have changed: the world, or also faults and settings. */
let dirty: "clean" | "state" | "runtime" = "clean";

/** Sends one hostile request and checks what any request must satisfy. */
async function attempt(a: Attempt): Promise<void> {
  if (dirty === "runtime") {
    expect((await t.control("POST", "/reset")).status).toBe(200);
    expect((await t.control("PUT", "/settings", { rate_limits: false, simulator: false })).status).toBe(200);
  }
  if (dirty !== "clean") {
    expect((await t.call("PUT", "/__emulator/state", { raw: world.baseline })).status).toBe(200);
    dirty = "clean";
  }
  // Every attempt starts from the baseline (restored after any accepted request), so no export is needed before.
  const before = world.baseline;
  const hasBody = a.route.method !== "GET" && a.body !== undefined;
  const res = await t.call(a.route.method, a.path + a.query, {
    token: a.token === undefined ? t.master : a.token,
    headers: a.contentType ? { "content-type": a.contentType } : {},
    ...(hasBody && a.body ? ("raw" in a.body ? { raw: a.body.raw } : { raw: JSON.stringify(a.body.json) ?? "null" }) : {}),
  });
  const where = `${a.route.method} ${a.path}${a.query}`.slice(0, 300);
  expect(res.status, where).toBeGreaterThanOrEqual(200);
  expect(res.status, where).toBeLessThan(500);
  expect(typeof res.json, `${where} answered ${String(res.json).slice(0, 100)}`).toBe("object");
  if (res.status >= 400) {
    expectErrorEnvelope(res, a.path, where);
    expect(await stateText(t), `${where} changed the state but answered ${res.status}`).toBe(before);
  } else {
    dirty = a.path.startsWith("/__emulator") ? "runtime" : "state";
  }
}

function expectErrorEnvelope(res: CallResult, path: string, where: string): void {
  if (path.startsWith("/__emulator") && res.status !== 404) {
    expect(res.json, where).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
  } else if (path.startsWith("/__emulator")) {
    expect(typeof res.json.error?.code, where).toBe("string");
  } else {
    expect(typeof res.json.code, `${where}: ${JSON.stringify(res.json).slice(0, 200)}`).toBe("number");
    expect(typeof res.json.message, where).toBe("string");
  }
}

const routeArb = () => fc.constantFrom(...allRoutes(t));

describe("hostile input at every route", () => {
  test("the emulator serves at least 34 Platform API endpoints and the control plane", () => {
    const routes = allRoutes(t);
    expect(routes.filter((r) => !r.template.startsWith("/__emulator")).length).toBeGreaterThanOrEqual(34);
    expect(routes.length).toBeGreaterThanOrEqual(60);
  });

  test("random JSON bodies and random query strings never cause a 5xx or a partial write", async () => {
    const arb = routeArb().chain((route) =>
      fc.record({ route: fc.constant(route), path: pathArb(route), query: queryArb, body: fc.jsonValue({ maxDepth: 4 }).map((json) => ({ json })) }),
    );
    await fc.assert(fc.asyncProperty(arb, attempt), { numRuns });
  });

  test("wrong types for every field are refused in the host's envelope", async () => {
    const arb = routeArb().chain((route) =>
      fc.record({ route: fc.constant(route), path: pathArb(route), query: fc.constant(""), body: wrongTypedBody(route).map((json) => ({ json })) }),
    );
    await fc.assert(fc.asyncProperty(arb, attempt), { numRuns });
  });

  test("invalid JSON text and odd content types are refused, never a 5xx", async () => {
    const arb = routeArb().chain((route) =>
      fc.record({
        route: fc.constant(route),
        path: pathArb(route),
        query: fc.constant(""),
        body: invalidJsonText.map((raw) => ({ raw })),
        contentType: fc.constantFrom(
          "application/json",
          "text/plain",
          "multipart/form-data; boundary=x",
          "multipart/form-data",
          "application/x-www-form-urlencoded",
        ),
      }),
    );
    await fc.assert(fc.asyncProperty(arb, attempt), { numRuns });
  });

  test("hostile ids, malformed percent-encoding and long ids in paths are answered in the envelope", async () => {
    const arb = routeArb().chain((route) =>
      fc.record({
        route: fc.constant(route),
        path: pathArb(route),
        query: queryArb,
        body: fc.constant({ json: {} }),
        token: fc.constantFrom<string | null>(t.master, t.master, world.secondary, "not-a-token", null),
      }),
    );
    await fc.assert(fc.asyncProperty(arb, attempt), { numRuns });
  });

  test("every route survives a fixed set of hostile requests", async () => {
    // An object with one stray field (it keeps /seed from growing the demo world, which `{}` would load).
    const anyObject = { size: "empty" };
    for (const route of allRoutes(t)) {
      const path = route.template.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeSegment(world.ids[name] ?? "x"));
      const cases: Omit<Attempt, "route">[] = [
        { path, query: "", body: { raw: "{not json" } },
        { path, query: "", body: { json: ["<script>alert(1)</script>"] } },
        { path, query: "?limit=-1&next=%zz&token=..%2F..%2Fetc%2Fpasswd&keys=%E0%A4%A", body: { json: anyObject } },
        { path: route.template.replace(/\{[^}]+\}/g, "%E0%A4%A"), query: "", body: { json: anyObject } },
        { path: route.template.replace(/\{[^}]+\}/g, "i".repeat(5000)), query: "", body: { json: anyObject } },
        { path, query: "", body: { json: anyObject }, token: null },
      ];
      for (const c of cases) await attempt({ route, ...c });
    }
  });
});

describe("edges of the HTTP surface", () => {
  test.each([
    ["POST", "/v1/rooms", 400100],
    ["POST", "/v3/users", 400110],
  ])("a 2 MB body to %s %s is HTTP 413 code %i and changes nothing", async (method, path, code) => {
    const before = await stateText(t);
    const res = await t.call(method, path, { raw: JSON.stringify({ user_id: "big", nickname: "", profile_url: "", title: "x".repeat(2 * 1024 * 1024) }) });
    expect(res.status).toBe(413);
    expect(res.json).toMatchObject({ error: true, code });
    expect(await stateText(t)).toBe(before);
  });

  test("a 2 MB body to the control plane is HTTP 413 in the control shape", async () => {
    const res = await t.call("PUT", "/__emulator/state", { raw: "x".repeat(2 * 1024 * 1024) });
    expect(res.status).toBe(413);
    expect(res.json).toEqual({ error: { code: "too_large", message: expect.any(String) } });
  });

  test.each([["/nope"], ["/v2/users"], ["/__emulator/nope"]])("a path outside both APIs (%s) is HTTP 404 with a JSON body", async (path) => {
    const res = await t.call("GET", path);
    expect(res.status).toBe(404);
    expect(typeof res.json).toBe("object");
    expect(res.json.code ?? res.json.error?.code).toBeDefined();
  });

  // Sendbird's error pages: every error is an HTTP 400 or 500, so an endpoint an API does not have is a 400.
  test.each([
    ["/v1", 400200],
    ["/v1/rooms/x/y/z", 400200],
    ["/v3/users//token", 400201],
    ["/v3/users/alice/nothing-here", 400201],
  ])("an endpoint the API does not have (%s) is HTTP 400 with the host's not-found code %i", async (path, code) => {
    const res = await t.call("GET", path);
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ error: true, code });
  });

  test.each([
    ["PATCH", "/v1/rooms", 400200],
    ["POST", "/v1/direct_calls", 400200],
    ["PUT", "/v1/users/alice/calls", 400200],
    ["POST", "/v3/users/alice", 400201],
    ["OPTIONS", "/v3/applications/api_tokens", 400201],
  ])("a known path with a method it does not take (%s %s) is HTTP 400 code %i, naming the methods in Allow", async (method, path, code) => {
    const res = await t.call(method, path);
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ error: true, code });
    expect(res.headers.get("allow")).toMatch(/^(GET|POST|PUT|DELETE)(, (GET|POST|PUT|DELETE))*$/);
  });

  test("a wrong method on the control plane is HTTP 405 in the control shape", async () => {
    const res = await t.control("PUT", "/reset");
    expect(res.status).toBe(405);
    expect(res.json).toEqual({ error: { code: "method_not_allowed", message: expect.any(String) } });
  });

  // Known bug, reported: server.ts leaves Node's 16 KB header limit to answer an over-long URL with an
  // empty 431 instead of a JSON envelope. Drop `.fails` once server.ts answers it in the host's envelope.
  test("an id longer than Node's header limit is still answered with a JSON body", async () => {
    const res = await t.call("GET", `/v3/users/${"i".repeat(20_000)}`);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(typeof res.json.code).toBe("number");
  });
});
