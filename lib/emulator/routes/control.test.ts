import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { apiTokenSchema, roomEnvelopeSchema } from "@/lib/sendbird/schemas";
import type { Room } from "@/lib/sendbird/schemas";
import { startTestEmulator, testNow } from "../testing/harness";
import type { CallResult, TestEmulator } from "../testing/harness";
import { controlRoutes } from "./control";

let t: TestEmulator;
beforeEach(async () => {
  t = await startTestEmulator();
});
afterEach(() => t.close());

function expectControlError(res: CallResult, status: number, code: string): void {
  expect(res.status).toBe(status);
  expect(res.json).toEqual({ error: { code, message: expect.any(String) } });
}

/** The exported state exactly as the wire carries it. */
async function stateText(): Promise<string> {
  const res = await fetch(`${t.running.origin}/__emulator/state`, { headers: { "api-token": t.master } });
  expect(res.status).toBe(200);
  return res.text();
}

async function createUsers(...ids: string[]): Promise<void> {
  for (const user_id of ids) {
    expect((await t.call("POST", "/v3/users", { body: { user_id, nickname: user_id, profile_url: "" } })).status).toBe(200);
  }
}

async function secondaryToken(): Promise<string> {
  const res = await t.call("POST", "/v3/applications/api_tokens", { body: {} });
  return apiTokenSchema.parse(res.json).token;
}

/** A live event with the given host candidates, moved to `state`. */
async function liveEvent(hosts: string[], state: "created" | "ready" | "ongoing" = "created"): Promise<string> {
  const res = await t.call("POST", "/v1/live-events", { body: { user_ids_for_host: hosts } });
  expect(res.status).toBe(200);
  const id: string = res.json.live_event.live_event_id;
  if (state !== "created") expect((await t.call("POST", `/v1/live-events/${id}/ready`)).status).toBe(200);
  if (state === "ongoing") expect((await t.call("POST", `/v1/live-events/${id}/start`)).status).toBe(200);
  return id;
}

async function createRoom(type = "small_room_for_video"): Promise<Room> {
  return roomEnvelopeSchema.parse((await t.call("POST", "/v1/rooms", { body: { type } })).json).room;
}

describe("control-plane access", () => {
  test("every control verb requires the master token", async () => {
    await createUsers("keep");
    const secondary = await secondaryToken();
    const routes = controlRoutes({ ...t.emulator, info: () => ({}) });
    expect(routes.length).toBeGreaterThanOrEqual(25);
    const before = await stateText();
    for (const route of routes) {
      const path = route.template.replace(/\{[^}]+\}/g, "x");
      for (const token of [null, secondary, "not-a-token"]) {
        const res = await t.call(route.method, path, { token, body: route.method === "GET" ? undefined : {} });
        expect({ route: `${route.method} ${path}`, status: res.status, body: res.json }).toEqual({
          route: `${route.method} ${path}`,
          status: 401,
          body: { error: { code: "unauthenticated", message: expect.any(String) } },
        });
      }
    }
    expect(await stateText()).toBe(before);
  });

  test("an unknown control path is 404 and a wrong method is 405 with Allow", async () => {
    expectControlError(await t.control("GET", "/nope"), 404, "not_found");
    const res = await t.control("DELETE", "/clock");
    expectControlError(res, 405, "method_not_allowed");
    expect(res.headers.get("allow")).toBe("GET");
  });
});

describe("GET /__emulator", () => {
  test("describes the emulator without revealing the master token", async () => {
    await createUsers("a", "b");
    const res = await t.control("GET", "");
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      emulator: "showrunner-sendbird-emulator",
      now: testNow,
      clock_frozen: true,
      rate_limits: false,
      simulator: false,
      counts: { users: 2, live_events: 0, direct_calls: 0, rooms: 0, api_tokens: 0 },
    });
    expect(res.json.master_token).toMatch(/^\*{4}.{4}$/);
    expect(JSON.stringify(res.json)).not.toContain(t.master);
  });
});

describe("POST /__emulator/reset", () => {
  test("empties the world, the faults and the journal", async () => {
    await createUsers("a");
    await secondaryToken();
    expect((await t.control("POST", "/faults", { path: "/v1/nothing", status: 500 })).status).toBe(200);
    const res = await t.control("POST", "/reset");
    expect(res.status).toBe(200);
    expect(res.json.counts).toEqual({ users: 0, live_events: 0, direct_calls: 0, rooms: 0, api_tokens: 0 });
    expect((await t.control("GET", "/faults")).json).toEqual({ faults: [] });
    const journal = (await t.control("GET", "/journal")).json.requests;
    // The reset itself is recorded after the journal was cleared.
    expect(journal.map((r: { path: string }) => r.path)).toEqual(["/__emulator/faults", "/__emulator/reset"]);
  });
});

describe("POST /__emulator/seed", () => {
  test("the same seed twice gives a byte-identical state export", async () => {
    expect((await t.control("POST", "/seed", { seed: 7, size: "small" })).status).toBe(200);
    const first = await stateText();
    expect((await t.control("POST", "/seed", { seed: 7, size: "small" })).status).toBe(200);
    expect(await stateText()).toBe(first);
    expect(JSON.parse(first).users).toHaveLength(40);
  });

  test("an emulator booted with the same seed holds the same world", async () => {
    expect((await t.control("POST", "/seed", { seed: 11, size: "small" })).status).toBe(200);
    const other = await startTestEmulator({ seed: 11, size: "small" });
    try {
      const res = await fetch(`${other.running.origin}/__emulator/state`, { headers: { "api-token": other.master } });
      expect(await res.text()).toBe(await stateText());
    } finally {
      await other.close();
    }
  });

  test("a different seed gives a different world", async () => {
    await t.control("POST", "/seed", { seed: 7, size: "small" });
    const seven = await stateText();
    await t.control("POST", "/seed", { seed: 8, size: "small" });
    expect(await stateText()).not.toBe(seven);
  });

  test("replaces what was there and honours explicit counts", async () => {
    await createUsers("manual-user");
    const res = await t.control("POST", "/seed", { seed: 3, size: "empty", users: 5, calls: 4, rooms: 1, api_tokens: 1 });
    expect(res.json.counts).toEqual({ users: 5, live_events: 0, direct_calls: 4, rooms: 1, api_tokens: 1 });
    expect((await t.call("GET", "/v3/users/manual-user")).json.code).toBe(400201);
  });

  test.each([
    ["an unknown size", { size: "huge" }],
    ["a negative seed", { seed: -1 }],
    ["an unknown field", { seed: 1, colour: "red" }],
    ["too many tokens", { api_tokens: 11 }],
    ["a list", [1]],
  ])("refuses %s with 400 and leaves the world alone", async (_name, body) => {
    await createUsers("a");
    const before = await stateText();
    expectControlError(await t.control("POST", "/seed", body), 400, "invalid");
    expect(await stateText()).toBe(before);
  });
});

describe("the clock", () => {
  test("reads the frozen time and advances it", async () => {
    expect((await t.control("GET", "/clock")).json).toEqual({ now: testNow, frozen: true });
    expect((await t.control("POST", "/clock/advance", { ms: 90_000 })).json).toEqual({ now: testNow + 90_000, frozen: true });
    expect((await t.control("GET", "/clock")).json).toEqual({ now: testNow + 90_000, frozen: true });
  });

  test("a live event created after an advance has the later created_at", async () => {
    const before = await t.call("POST", "/v1/live-events", { body: { user_ids_for_host: ["h"] } });
    await t.control("POST", "/clock/advance", { ms: 60_000 });
    const after = await t.call("POST", "/v1/live-events", { body: { user_ids_for_host: ["h"] } });
    expect(before.json.live_event.created_at).toBe(testNow);
    expect(after.json.live_event.created_at).toBe(testNow + 60_000);
  });

  test.each([[{ ms: -1 }], [{ ms: 1.5 }], [{ ms: "60000" }], [{}], [{ ms: 1, extra: true }]])("refuses to advance by %j", async (body) => {
    expectControlError(await t.control("POST", "/clock/advance", body), 400, "invalid");
    expect((await t.control("GET", "/clock")).json.now).toBe(testNow);
  });
});

describe("faults", () => {
  async function addFault(fault: Record<string, unknown>): Promise<string> {
    const res = await t.control("POST", "/faults", fault);
    expect(res.status).toBe(200);
    return res.json.fault.id;
  }

  test("answers a matching calls-host request with the injected status and code in the host's envelope", async () => {
    await addFault({ path: "/v1/rooms", status: 503, code: 500999 });
    const res = await t.call("GET", "/v1/rooms");
    expect(res.status).toBe(503);
    expect(res.json).toEqual({ error: true, code: 500999, type: "UNKNOWN_ERROR", message: expect.any(String) });
    expect((await t.call("GET", "/v1/direct_calls")).status).toBe(200);
    expect((await t.call("GET", "/v1/rooms/abc")).json.code).toBe(1400126);
  });

  test("answers a matching chat-host request in the chat envelope, with a default code per status", async () => {
    await addFault({ path: "/v3/users", method: "GET", status: 500 });
    await addFault({ path: "/v3/users", method: "POST", status: 400, code: 400111, message: "Injected." });
    expect((await t.call("GET", "/v3/users")).json).toEqual({ error: true, code: 500901, message: expect.any(String) });
    const post = await t.call("POST", "/v3/users", { body: { user_id: "a", nickname: "", profile_url: "" } });
    expect(post.status).toBe(400);
    expect(post.json).toEqual({ error: true, code: 400111, message: "Injected." });
    expect((await t.control("GET", "")).json.counts.users).toBe(0);
  });

  test("an injected 429 looks like the host's own rate-limit answer", async () => {
    await addFault({ path: "/v1/rooms", status: 429 });
    await addFault({ path: "/v3/users", status: 429, retry_after: 2 });
    const calls = await t.call("GET", "/v1/rooms");
    expect(calls.status).toBe(429);
    expect(calls.json).toEqual({ message: "Too many requests", code: 429100, type: "RATE_LIMIT_EXCEEDED" });
    const chat = await t.call("GET", "/v3/users");
    expect(chat.status).toBe(429);
    expect(chat.json.code).toBe(500910);
    expect(Number(chat.headers.get("x-ratelimit-retryafter"))).toBe(2);
  });

  test("a method filter limits the fault to that method", async () => {
    await addFault({ path: "/v1/rooms", method: "post", status: 500 });
    expect((await t.call("GET", "/v1/rooms")).status).toBe(200);
    const res = await t.call("POST", "/v1/rooms", { body: { type: "small_room_for_video" } });
    expect(res.status).toBe(500);
    expect(res.json.code).toBe(500999);
    expect((await t.control("GET", "")).json.counts.rooms).toBe(0);
  });

  test.each([
    ["/v1/rooms/{room_id}", "/v1/rooms/abc", true],
    ["/v1/rooms/{room_id}", "/v1/rooms/abc/", true],
    ["/v1/rooms/{room_id}", "/v1/rooms", false],
    ["/v1/rooms/{room_id}", "/v1/rooms/abc/participants", false],
    ["/v1/rooms/*", "/v1/rooms/abc/participants", true],
    ["/v1/rooms/*", "/v1/direct_calls", false],
    ["/v3/*", "/v3/users/a", true],
    ["/*", "/v1/direct_calls", true],
    ["/v1/*/custom_items", "/v1/rooms/abc/custom_items", true],
    ["/v1/rooms.json", "/v1/roomsXjson", false],
  ])("pattern %s matches %s: %s", async (pattern, path, hits) => {
    await addFault({ path: pattern, status: 418 });
    expect((await t.call("GET", path)).status === 418).toBe(hits);
  });

  test("never touches the control plane", async () => {
    await addFault({ path: "/*", status: 500 });
    expect((await t.control("GET", "/clock")).status).toBe(200);
  });

  test("expires after count hits", async () => {
    const id = await addFault({ path: "/v1/rooms", status: 500, count: 2 });
    expect((await t.control("GET", "/faults")).json.faults).toEqual([expect.objectContaining({ id, hits: 0, count: 2 })]);
    expect((await t.call("GET", "/v1/rooms")).status).toBe(500);
    expect((await t.control("GET", "/faults")).json.faults).toEqual([expect.objectContaining({ id, hits: 1 })]);
    expect((await t.call("GET", "/v1/rooms")).status).toBe(500);
    expect((await t.call("GET", "/v1/rooms")).status).toBe(200);
    expect((await t.control("GET", "/faults")).json).toEqual({ faults: [] });
  });

  test("with probability 0 never fires", async () => {
    const id = await addFault({ path: "/*", status: 500, probability: 0 });
    for (let i = 0; i < 20; i += 1) expect((await t.call("GET", "/v1/rooms")).status).toBe(200);
    expect((await t.control("GET", "/faults")).json.faults).toEqual([expect.objectContaining({ id, hits: 0 })]);
  });

  test("latency_ms delays the request, which then succeeds", async () => {
    await addFault({ path: "/v1/rooms", latency_ms: 150 });
    const started = performance.now();
    const res = await t.call("GET", "/v1/rooms");
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(res.status).toBe(200);
  });

  test("drop: true makes the request fail without an answer", async () => {
    await addFault({ path: "/v1/rooms", drop: true, count: 1 });
    await expect(t.call("GET", "/v1/rooms")).rejects.toThrow();
    expect((await t.call("GET", "/v1/rooms")).status).toBe(200);
    const journal = (await t.control("GET", "/journal?limit=2")).json.requests;
    expect(journal[1]).toMatchObject({ path: "/v1/rooms", status: 0, fault: expect.stringMatching(/^fault_/) });
  });

  test("after: true lets the request do its work and then loses the answer", async () => {
    const rooms = async (): Promise<number> => ((await t.call("GET", "/v1/rooms?type=large_room_for_audio_only&limit=100")).json.rooms as unknown[]).length;
    const make = () => t.call("POST", "/v1/rooms", { body: { type: "large_room_for_audio_only" } });
    const before = await rooms();
    await addFault({ method: "POST", path: "/v1/rooms", drop: true, after: true, count: 1 });
    await expect(make()).rejects.toThrow();
    const journal = (await t.control("GET", "/journal?limit=1")).json.requests;
    expect(journal[0]).toMatchObject({ method: "POST", path: "/v1/rooms", status: 0 });
    // The room was made all the same.
    expect(await rooms()).toBe(before + 1);
    await addFault({ method: "POST", path: "/v1/rooms", status: 503, after: true, count: 1 });
    expect((await make()).status).toBe(503);
    expect(await rooms()).toBe(before + 2);
  });

  test("DELETE removes one fault by id, or all of them", async () => {
    const a = await addFault({ path: "/v1/rooms", status: 500 });
    const b = await addFault({ path: "/v1/direct_calls", status: 500 });
    const c = await addFault({ path: "/v3/users", status: 500 });
    const one = await t.control("DELETE", `/faults/${a}`);
    expect(one.json.faults.map((f: { id: string }) => f.id)).toEqual([b, c]);
    expect((await t.call("GET", "/v1/rooms")).status).toBe(200);
    expect((await t.call("GET", "/v1/direct_calls")).status).toBe(500);
    expectControlError(await t.control("DELETE", `/faults/${a}`), 404, "not_found");
    expect((await t.control("DELETE", "/faults")).json).toEqual({ faults: [] });
    expect((await t.call("GET", "/v1/direct_calls")).status).toBe(200);
  });

  test.each([
    ["no status, latency or drop", { path: "/v1/rooms" }],
    ["a status under 400", { path: "/v1/rooms", status: 302 }],
    ["a path without a slash", { path: "v1/rooms", status: 500 }],
    ["an unknown method", { path: "/v1/rooms", status: 500, method: "PATCH" }],
    ["a probability over 1", { path: "/v1/rooms", status: 500, probability: 2 }],
    ["an unknown field", { path: "/v1/rooms", status: 500, when: "now" }],
  ])("refuses a fault with %s", async (_name, body) => {
    expectControlError(await t.control("POST", "/faults", body), 400, "invalid");
    expect((await t.control("GET", "/faults")).json).toEqual({ faults: [] });
  });
});

describe("PUT /__emulator/settings", () => {
  test("switches rate limits and the simulator on and off", async () => {
    expect((await t.control("PUT", "/settings", { rate_limits: true })).json).toMatchObject({ rate_limits: true, simulator: false });
    expect((await t.control("PUT", "/settings", { simulator: true })).json).toMatchObject({ rate_limits: true, simulator: true });
    expect((await t.control("PUT", "/settings", { rate_limits: false, simulator: false })).json).toMatchObject({ rate_limits: false, simulator: false });
  });

  test.each([[{ rate_limits: "yes" }], [{ speed: 2 }]])("refuses %j", async (body) => {
    expectControlError(await t.control("PUT", "/settings", body), 400, "invalid");
  });
});

describe("POST /__emulator/simulator/tick", () => {
  test("brings a host into an ongoing event that has none", async () => {
    await createUsers("host-1", "viewer-1", "viewer-2");
    const id = await liveEvent(["host-1"], "ongoing");
    const created = await liveEvent(["host-1"]);
    expect((await t.call("GET", `/v1/live-events/${id}/hosts`)).json).toEqual({ host: null });
    expect((await t.control("POST", "/simulator/tick")).status).toBe(200);
    const host = (await t.call("GET", `/v1/live-events/${id}/hosts`)).json.host;
    expect(host).toEqual(expect.objectContaining({ state: "connected", user: expect.objectContaining({ user_id: "host-1" }) }));
    expect((await t.call("GET", `/v1/live-events/${id}`)).json.live_event.hosts).toEqual([expect.objectContaining({ host_id: host.host_id })]);
    expect((await t.call("GET", `/v1/live-events/${created}/hosts`)).json).toEqual({ host: null });
  });
});

describe("live-event activity", () => {
  test("moves a host through enter, connect, disconnect and exit", async () => {
    await createUsers("h1");
    const id = await liveEvent(["h1"], "ready");
    const entered = await t.control("POST", `/live-events/${id}/hosts`, { user_id: "h1", stream_type: "rtmp" });
    expect(entered.status).toBe(200);
    expect(entered.json.host).toMatchObject({ state: "entered", stream_type: "rtmp", entered_at: testNow, user: { user_id: "h1" } });
    const hostId: string = entered.json.host.host_id;
    const base = `/live-events/${id}/hosts/${hostId}`;
    expect((await t.control("POST", `${base}/connect`)).json.host.state).toBe("connected");
    expect((await t.call("GET", `/v1/live-events/${id}/hosts`)).json.host.host_id).toBe(hostId);
    expect((await t.control("POST", `${base}/disconnect`)).json.host.state).toBe("disconnected");
    expect((await t.control("POST", `${base}/exit`)).json.host).toMatchObject({ state: "exited", exited_at: testNow });
    expect((await t.call("GET", `/v1/live-events/${id}/hosts`)).json).toEqual({ host: null });
    expectControlError(await t.control("POST", `${base}/connect`), 409, "not_allowed");
  });

  test.each([
    ["a user who is not a host candidate", { user_id: "stranger" }, 409, "not_allowed"],
    ["an unknown field", { user_id: "h1", role: "star" }, 400, "invalid"],
    ["no user_id", {}, 400, "invalid"],
  ])("refuses a host entering as %s", async (_name, body, status, code) => {
    await createUsers("h1", "stranger");
    const id = await liveEvent(["h1"], "ready");
    expectControlError(await t.control("POST", `/live-events/${id}/hosts`, body), status, code);
  });

  test("refuses activity in an unknown event with 404", async () => {
    expectControlError(await t.control("POST", "/live-events/nope/hosts", { user_id: "h1" }), 404, "not_found");
    expectControlError(await t.control("POST", "/live-events/nope/hosts/x/connect"), 404, "not_found");
    expectControlError(await t.control("POST", "/live-events/nope/participants/join", { count: 1 }), 404, "not_found");
  });

  test("participants join and leave, and the counts follow", async () => {
    await createUsers("h1", "v1", "v2", "v3");
    const id = await liveEvent(["h1"], "ongoing");
    const joined = await t.control("POST", `/live-events/${id}/participants/join`, { user_ids: ["v1", "v2"] });
    expect(joined.json.participants.map((p: { user: { user_id: string } }) => p.user.user_id)).toEqual(["v1", "v2"]);
    expect((await t.control("POST", `/live-events/${id}/participants/join`, { count: 1 })).json.participants).toHaveLength(1);
    expect((await t.call("GET", `/v1/live-events/${id}`)).json.live_event).toMatchObject({ participant_count: 3, peak_participant_count: 3 });
    const left = await t.control("POST", `/live-events/${id}/participants/leave`, { user_ids: ["v1"] });
    expect(left.json.participants).toEqual([expect.objectContaining({ state: "exited", user: expect.objectContaining({ user_id: "v1" }) })]);
    expect((await t.call("GET", `/v1/live-events/${id}`)).json.live_event).toMatchObject({ participant_count: 2, peak_participant_count: 3 });
  });

  test.each([
    ["before the event is ready", "created", { count: 1 }, 409, "not_allowed"],
    ["with both count and user_ids", "ongoing", { count: 1, user_ids: ["v1"] }, 400, "invalid"],
    ["with an unknown user", "ongoing", { user_ids: ["ghost"] }, 404, "not_found"],
  ] as const)("refuses participants joining %s", async (_name, state, body, status, code) => {
    await createUsers("h1", "v1");
    const id = await liveEvent(["h1"], state);
    expectControlError(await t.control("POST", `/live-events/${id}/participants/join`, body), status, code);
    expect((await t.call("GET", `/v1/live-events/${id}/participants`)).json.participants).toEqual([]);
  });

  test("adds a cloud recording and changes its status", async () => {
    await createUsers("h1");
    const id = await liveEvent(["h1"], "ongoing");
    const added = await t.control("POST", `/live-events/${id}/recordings`, { status: "recording" });
    expect(added.json.recording).toMatchObject({ live_event_id: id, status: "recording", stopped_at: null });
    const recordingId: string = added.json.recording.recording_id;
    await t.control("POST", "/clock/advance", { ms: 1000 });
    const changed = await t.control("PUT", `/recordings/${recordingId}`, { status: "completed" });
    expect(changed.json.recording).toMatchObject({ recording_id: recordingId, status: "completed", stopped_at: testNow + 1000 });
    const event = (await t.call("GET", `/v1/live-events/${id}`)).json.live_event;
    expect(event.cloud_recordings).toEqual([expect.objectContaining({ recording_id: recordingId, status: "completed" })]);
    expectControlError(await t.control("PUT", "/recordings/nope", { status: "failed" }), 404, "not_found");
    expectControlError(await t.control("PUT", `/recordings/${recordingId}`, { status: "lost" }), 400, "invalid");
  });
});

describe("POST /__emulator/direct-calls", () => {
  test("records a finished call between two users", async () => {
    await createUsers("alice", "bob");
    const res = await t.control("POST", "/direct-calls", {
      caller_id: "alice",
      callee_id: "bob",
      end_result: "completed",
      duration: 30_000,
      is_video_call: true,
      started_at: testNow - 60_000,
      custom_items: { ticket: "T-1" },
    });
    expect(res.status).toBe(200);
    expect(res.json.call).toMatchObject({
      is_video_call: true,
      end_result: "completed",
      duration: 30_000,
      started_at: testNow - 60_000,
      custom_items: { ticket: "T-1" },
    });
    expect((await t.call("GET", `/v1/direct_calls/${res.json.call.call_id}`)).json.call).toEqual(res.json.call);
  });

  test.each([
    ["an unknown user", { caller_id: "alice", callee_id: "ghost", end_result: "completed" }, 404, "not_found"],
    ["a user calling themselves", { caller_id: "alice", callee_id: "alice", end_result: "completed" }, 400, "invalid"],
    ["an unknown end result", { caller_id: "alice", callee_id: "bob", end_result: "dropped" }, 400, "invalid"],
    ["a negative duration", { caller_id: "alice", callee_id: "bob", end_result: "completed", duration: -1 }, 400, "invalid"],
    [
      "11 custom items",
      { caller_id: "alice", callee_id: "bob", end_result: "completed", custom_items: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, "v"])) },
      400,
      "invalid",
    ],
    ["a comma in a custom item key", { caller_id: "alice", callee_id: "bob", end_result: "completed", custom_items: { "a,b": "v" } }, 400, "invalid"],
  ])("refuses %s", async (_name, body, status, code) => {
    await createUsers("alice", "bob");
    expectControlError(await t.control("POST", "/direct-calls", body), status, code);
    expect((await t.control("GET", "")).json.counts.direct_calls).toBe(0);
  });
});

describe("room participants", () => {
  test("users join and leave a room", async () => {
    await createUsers("u1", "u2");
    const room = await createRoom();
    const joined = await t.control("POST", `/rooms/${room.room_id}/participants/join`, { user_ids: ["u1", "u2"] });
    expect(joined.json.participants).toEqual([
      expect.objectContaining({ state: "connected", user: expect.objectContaining({ user_id: "u1" }) }),
      expect.objectContaining({ state: "connected", user: expect.objectContaining({ user_id: "u2" }) }),
    ]);
    const left = await t.control("POST", `/rooms/${room.room_id}/participants/leave`, { user_ids: ["u1"] });
    expect(left.json.participants).toEqual([expect.objectContaining({ state: "exited" })]);
    expect((await t.call("GET", `/v1/rooms/${room.room_id}`)).json.room.current_participants).toHaveLength(1);
    expect((await t.control("POST", `/rooms/${room.room_id}/participants/join`, { user_ids: ["u1"] })).status).toBe(200);
  });

  test("users who are not in the room leave without changing it", async () => {
    await createUsers("u1", "u2");
    const room = await createRoom();
    expect((await t.control("POST", `/rooms/${room.room_id}/participants/join`, { user_ids: ["u1"] })).status).toBe(200);
    await t.control("POST", "/clock/advance", { ms: 1000 });
    const before = await stateText();
    const res = await t.control("POST", `/rooms/${room.room_id}/participants/leave`, { user_ids: ["u2", "ghost"] });
    expect(res.json).toEqual({ participants: [] });
    expect(await stateText()).toBe(before);
  });

  test("a small room holds at most 6 participants", async () => {
    const users = Array.from({ length: 7 }, (_, i) => `u${i}`);
    await createUsers(...users);
    const room = await createRoom();
    expect((await t.control("POST", `/rooms/${room.room_id}/participants/join`, { user_ids: users.slice(0, 6) })).status).toBe(200);
    expectControlError(await t.control("POST", `/rooms/${room.room_id}/participants/join`, { user_ids: ["u6"] }), 409, "not_allowed");
    expect((await t.call("GET", `/v1/rooms/${room.room_id}`)).json.room.current_participants).toHaveLength(6);
  });

  test("a large room takes more than 6", async () => {
    const users = Array.from({ length: 7 }, (_, i) => `u${i}`);
    await createUsers(...users);
    const room = await createRoom("large_room_for_audio_only");
    expect((await t.control("POST", `/rooms/${room.room_id}/participants/join`, { user_ids: users })).status).toBe(200);
  });

  test.each([
    ["a user already in the room", ["u1"], 409, "exists"],
    ["the same user twice in one request", ["u2", "u2"], 409, "exists"],
    ["an unknown user", ["ghost"], 404, "not_found"],
    ["no users", [], 400, "invalid"],
  ])("refuses %s and changes nothing", async (_name, userIds, status, code) => {
    await createUsers("u1", "u2");
    const room = await createRoom();
    expect((await t.control("POST", `/rooms/${room.room_id}/participants/join`, { user_ids: ["u1"] })).status).toBe(200);
    const before = await stateText();
    expectControlError(await t.control("POST", `/rooms/${room.room_id}/participants/join`, { user_ids: userIds }), status, code);
    expect(await stateText()).toBe(before);
  });

  test("refuses joining an unknown or deleted room with 404", async () => {
    await createUsers("u1");
    const room = await createRoom();
    expect((await t.control("DELETE", `/rooms/${room.room_id}`)).status).toBe(200);
    expectControlError(await t.control("POST", `/rooms/${room.room_id}/participants/join`, { user_ids: ["u1"] }), 404, "invalid_room");
    expectControlError(await t.control("POST", "/rooms/nope/participants/join", { user_ids: ["u1"] }), 404, "invalid_room");
  });
});

describe("DELETE /__emulator/rooms/{room_id}", () => {
  test("deletes a room: state deleted, everyone forced out, updated_at the moment of deletion, the record still readable", async () => {
    await createUsers("u1", "u2");
    const room = await createRoom();
    expect((await t.control("POST", `/rooms/${room.room_id}/participants/join`, { user_ids: ["u1", "u2"] })).status).toBe(200);
    await t.control("POST", "/clock/advance", { ms: 5000 });
    const res = await t.control("DELETE", `/rooms/${room.room_id}`);
    expect(res.status).toBe(200);
    const deleted = roomEnvelopeSchema.parse(res.json).room;
    expect(deleted).toMatchObject({ room_id: room.room_id, state: "deleted", updated_at: testNow + 5000, current_participants: [] });
    expect(res.json.room).not.toHaveProperty("deleted_at");
    expect((await t.call("GET", `/v1/rooms/${room.room_id}`)).json.room).toEqual(res.json.room);
    const participants = (await t.call("GET", `/v1/rooms/${room.room_id}/participants`)).json.participants;
    expect(participants.map((p: { state: string; exited_at: number }) => [p.state, p.exited_at])).toEqual([
      ["exited", testNow + 5000],
      ["exited", testNow + 5000],
    ]);
  });

  test("a second delete is 404 invalid_room, and so is an unknown room", async () => {
    const room = await createRoom();
    expect((await t.control("DELETE", `/rooms/${room.room_id}`)).status).toBe(200);
    const before = await stateText();
    expectControlError(await t.control("DELETE", `/rooms/${room.room_id}`), 404, "invalid_room");
    expectControlError(await t.control("DELETE", "/rooms/nope"), 404, "invalid_room");
    expect(await stateText()).toBe(before);
  });

  test("a deleted room takes no new custom items and no new participants", async () => {
    await createUsers("u1");
    const room = await createRoom();
    expect((await t.control("DELETE", `/rooms/${room.room_id}`)).status).toBe(200);
    const before = await stateText();
    expectControlError(await t.control("PUT", `/rooms/${room.room_id}/custom-items`, { custom_items: { a: "1" } }), 404, "invalid_room");
    expectControlError(await t.control("DELETE", `/rooms/${room.room_id}/custom-items`, {}), 404, "invalid_room");
    expectControlError(await t.control("POST", `/rooms/${room.room_id}/participants/join`, { user_ids: ["u1"] }), 404, "invalid_room");
    expect(await stateText()).toBe(before);
  });
});

describe("PUT and DELETE /__emulator/rooms/{room_id}/custom-items", () => {
  async function roomWithItems(items: Record<string, string>): Promise<Room> {
    const res = await t.call("POST", "/v1/rooms", { body: { type: "small_room_for_video", custom_items: items } });
    expect(res.status).toBe(200);
    return roomEnvelopeSchema.parse(res.json).room;
  }

  const getRoom = async (id: string): Promise<Room> => roomEnvelopeSchema.parse((await t.call("GET", `/v1/rooms/${id}`)).json).room;

  test("upserts, replaces and deletes a room's custom items, moving its updated_at", async () => {
    const room = await roomWithItems({ a: "1" });
    const path = `/rooms/${room.room_id}/custom-items`;
    await t.control("POST", "/clock/advance", { ms: 1000 });
    const put = await t.control("PUT", path, { custom_items: { b: "2", c: "3" }, mode: "upsert" });
    expect(put.status).toBe(200);
    expect(put.json).toEqual({ room_id: room.room_id, custom_items: { a: "1", b: "2", c: "3" }, updated: ["b", "c"], affected_at: testNow + 1000 });
    expect(await getRoom(room.room_id)).toMatchObject({ custom_items: { a: "1", b: "2", c: "3" }, updated_at: testNow + 1000 });

    const byList = await t.control("DELETE", path, ["a"]);
    expect(byList.json).toMatchObject({ room_id: room.room_id, custom_items: { b: "2", c: "3" }, deleted: ["a"] });
    const byKeys = await t.control("DELETE", path, { keys: ["b"] });
    expect(byKeys.json).toMatchObject({ custom_items: { c: "3" }, deleted: ["b"] });
    const replaced = await t.control("PUT", path, { custom_items: { z: "26" }, mode: "replace" });
    expect(replaced.json).toMatchObject({ custom_items: { z: "26" }, updated: ["z"] });
    await t.control("POST", "/clock/advance", { ms: 1000 });
    const all = await t.control("DELETE", path, {});
    expect(all.json).toEqual({ room_id: room.room_id, custom_items: {}, deleted: ["z"], affected_at: testNow + 2000 });
    expect(await getRoom(room.room_id)).toMatchObject({ custom_items: {}, updated_at: testNow + 2000 });
  });

  test.each([
    ["a 129-character key", "PUT", { custom_items: { ["k".repeat(129)]: "v" } }, "invalid"],
    ["a 129-character value", "PUT", { custom_items: { k: "v".repeat(129) } }, "invalid"],
    ["a comma in a key", "PUT", { custom_items: { "x,y": "v" } }, "invalid"],
    ["an upsert that would make eleven items", "PUT", { custom_items: Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, "v"])) }, "too_many"],
    ["no custom_items", "PUT", { mode: "upsert" }, "missing"],
    ["eleven keys to delete", "DELETE", Array.from({ length: 11 }, (_, i) => `k${i}`), "invalid"],
    ["keys that are not a list", "DELETE", { keys: "a" }, "invalid"],
    ["a bare string body", "DELETE", "a", "invalid"],
  ])("refuses %s with 400 and changes nothing", async (_name, method, body, code) => {
    const room = await roomWithItems({ a: "1" });
    expectControlError(await t.control(method, `/rooms/${room.room_id}/custom-items`, body), 400, code);
    expect(await getRoom(room.room_id)).toEqual(room);
  });

  test.each([
    ["PUT", { custom_items: { a: "1" } }],
    ["DELETE", {}],
  ])("%s on an unknown room is 404 invalid_room", async (method, body) => {
    expectControlError(await t.control(method, "/rooms/nope/custom-items", body), 404, "invalid_room");
  });
});

describe("recordings of direct calls and rooms", () => {
  async function call(isVideo = true): Promise<string> {
    await createUsers("alice", "bob");
    const res = await t.control("POST", "/direct-calls", { caller_id: "alice", callee_id: "bob", end_result: "completed", is_video_call: isVideo });
    expect(res.status).toBe(200);
    return res.json.call.call_id;
  }

  test("POST /__emulator/direct-calls/{call_id}/recordings adds a completed recording by default, spanning the call", async () => {
    const callId = await call();
    const res = await t.control("POST", `/direct-calls/${callId}/recordings`, {});
    expect(res.status).toBe(200);
    const made = (await t.call("GET", `/v1/direct_calls/${callId}`)).json.call;
    expect(res.json.recording).toEqual({
      recording_id: expect.any(String),
      call_id: callId,
      status: "completed",
      started_at: made.started_at,
      stopped_at: made.ended_at,
    });
    expect(made.cloud_recordings).toEqual([expect.objectContaining({ recording_id: res.json.recording.recording_id, target_event_type: "call_video" })]);
  });

  test("POST /__emulator/rooms/{room_id}/recordings adds a recording to an open room, spanning its life so far", async () => {
    const room = await createRoom("large_room_for_audio_only");
    const res = await t.control("POST", `/rooms/${room.room_id}/recordings`, { status: "recording" });
    expect(res.status).toBe(200);
    expect(res.json.recording).toEqual({ recording_id: expect.any(String), room_id: room.room_id, status: "recording", started_at: testNow, stopped_at: null });
    await t.control("POST", "/clock/advance", { ms: 1000 });
    const done = await t.control("POST", `/rooms/${room.room_id}/recordings`, {});
    expect(done.json.recording).toMatchObject({ status: "completed", started_at: testNow, stopped_at: testNow + 1000 });
    const listed = (await t.call("GET", `/v1/rooms/${room.room_id}`)).json.room;
    expect(listed.updated_at).toBe(testNow + 1000);
    expect(listed.cloud_recordings.map((r: { target_event_type: string; status: string }) => [r.target_event_type, r.status])).toEqual([
      ["room_audio", "recording"],
      ["room_audio", "completed"],
    ]);
  });

  test("a deleted room's recordings end at its deletion, and its updated_at stays the moment it was deleted", async () => {
    const room = await createRoom();
    const going = (await t.control("POST", `/rooms/${room.room_id}/recordings`, { status: "recording" })).json.recording.recording_id;
    await t.control("POST", "/clock/advance", { ms: 1000 });
    expect((await t.control("DELETE", `/rooms/${room.room_id}`)).status).toBe(200);
    await t.control("POST", "/clock/advance", { ms: 5000 });
    const late = await t.control("POST", `/rooms/${room.room_id}/recordings`, {});
    expect(late.status).toBe(200);
    expect(late.json.recording).toMatchObject({ status: "completed", started_at: testNow, stopped_at: testNow + 1000 });
    expect((await t.control("PUT", `/recordings/${going}`, { status: "uploading" })).status).toBe(200);
    expect((await t.call("GET", `/v1/rooms/${room.room_id}`)).json.room).toMatchObject({ state: "deleted", updated_at: testNow + 1000 });
  });

  test.each(["recording", "uploading", "completed", "failed"])("accepts a %s recording of a call and of a room", async (status) => {
    const callId = await call();
    const room = await createRoom();
    expect((await t.control("POST", `/direct-calls/${callId}/recordings`, { status })).json.recording.status).toBe(status);
    expect((await t.control("POST", `/rooms/${room.room_id}/recordings`, { status })).json.recording.status).toBe(status);
  });

  test.each(["ready", "paused"])("refuses a %s recording of a call or a room with 400, adding nothing", async (status) => {
    const callId = await call();
    const room = await createRoom();
    const before = await stateText();
    expectControlError(await t.control("POST", `/direct-calls/${callId}/recordings`, { status }), 400, "invalid");
    expectControlError(await t.control("POST", `/rooms/${room.room_id}/recordings`, { status }), 400, "invalid");
    expect(await stateText()).toBe(before);
  });

  test.each(["ready", "paused"])("refuses moving a call or room recording to %s, leaving it as it was", async (status) => {
    const callId = await call();
    const room = await createRoom();
    const ofCall = (await t.control("POST", `/direct-calls/${callId}/recordings`, { status: "recording" })).json.recording.recording_id;
    const ofRoom = (await t.control("POST", `/rooms/${room.room_id}/recordings`, { status: "recording" })).json.recording.recording_id;
    const before = await stateText();
    expectControlError(await t.control("PUT", `/recordings/${ofCall}`, { status }), 400, "invalid");
    expectControlError(await t.control("PUT", `/recordings/${ofRoom}`, { status }), 400, "invalid");
    expect(await stateText()).toBe(before);
  });

  test("PUT /__emulator/recordings/{recording_id} moves call and room recordings on, stamping when they stop", async () => {
    const callId = await call(false);
    const room = await createRoom();
    const ofCall = (await t.control("POST", `/direct-calls/${callId}/recordings`, { status: "recording" })).json.recording.recording_id;
    const ofRoom = (await t.control("POST", `/rooms/${room.room_id}/recordings`, { status: "recording" })).json.recording.recording_id;
    await t.control("POST", "/clock/advance", { ms: 1000 });
    expect((await t.control("PUT", `/recordings/${ofCall}`, { status: "uploading" })).json.recording).toMatchObject({
      status: "uploading",
      stopped_at: testNow + 1000,
    });
    await t.control("POST", "/clock/advance", { ms: 1000 });
    expect((await t.control("PUT", `/recordings/${ofCall}`, { status: "completed" })).json.recording).toMatchObject({
      status: "completed",
      stopped_at: testNow + 1000,
    });
    expect((await t.control("PUT", `/recordings/${ofRoom}`, { status: "failed" })).json.recording).toMatchObject({
      status: "failed",
      stopped_at: testNow + 2000,
    });
    expect((await t.call("GET", `/v1/direct_calls/${callId}`)).json.call.cloud_recordings).toEqual([
      expect.objectContaining({ recording_id: ofCall, target_event_type: "call_audio", status: "completed" }),
    ]);
    expect((await t.call("GET", `/v1/rooms/${room.room_id}`)).json.room).toMatchObject({
      updated_at: testNow + 2000,
      cloud_recordings: [expect.objectContaining({ recording_id: ofRoom, target_event_type: "room_video", status: "failed", duration: 2000 })],
    });
  });

  test("refuses a recording of an unknown call or room with 404", async () => {
    expectControlError(await t.control("POST", "/direct-calls/nope/recordings", {}), 404, "not_found");
    expectControlError(await t.control("POST", "/rooms/nope/recordings", {}), 404, "invalid_room");
    expectControlError(await t.control("POST", "/live-events/nope/recordings", {}), 404, "not_found");
  });
});

describe("state export and import", () => {
  async function world(): Promise<void> {
    await createUsers("alice", "bob");
    await t.control("POST", "/direct-calls", { caller_id: "alice", callee_id: "bob", end_result: "completed" });
    const room = await createRoom();
    await t.control("POST", `/rooms/${room.room_id}/participants/join`, { user_ids: ["alice"] });
    await liveEvent(["alice"], "ongoing");
    await secondaryToken();
    await t.call("POST", "/v3/users/bob/token", { body: {} });
  }

  test("export, reset, import restores an identical state", async () => {
    await world();
    const exported = await stateText();
    expect((await t.control("POST", "/reset")).json.counts.users).toBe(0);
    const res = await t.call("PUT", "/__emulator/state", { raw: exported });
    expect(res.status).toBe(200);
    expect(res.json.counts).toEqual({ users: 2, live_events: 1, direct_calls: 1, rooms: 1, api_tokens: 1 });
    expect(await stateText()).toBe(exported);
  });

  test("an imported secondary token works again", async () => {
    const token = await secondaryToken();
    const exported = await stateText();
    await t.control("POST", "/reset");
    expect((await t.call("GET", "/v1/rooms", { token })).status).toBe(401);
    await t.call("PUT", "/__emulator/state", { raw: exported });
    expect((await t.call("GET", "/v1/rooms", { token })).status).toBe(200);
  });

  test.each([
    ["an empty object", () => ({})],
    ["a string", () => "state"],
    ["a wrong version", (s: Record<string, unknown>) => ({ ...s, version: 2 })],
    ["a user without an id", (s: Record<string, unknown>) => ({ ...s, users: [{ nickname: "x" }] })],
    ["duplicate user ids", (s: { users: unknown[] }) => ({ ...s, users: [...s.users, ...s.users] })],
    ["11 api tokens", (s: Record<string, unknown>) => ({ ...s, api_tokens: Array.from({ length: 11 }, (_, i) => ({ token: `t${i}`, created_at: 1 })) })],
  ])("refuses %s with 400 and leaves the state unchanged", async (_name, mutate) => {
    await world();
    const before = await stateText();
    const res = await t.call("PUT", "/__emulator/state", { body: mutate(JSON.parse(before)) });
    expectControlError(res, 400, "invalid");
    expect(await stateText()).toBe(before);
  });

  test("refuses invalid JSON with 400 and leaves the state unchanged", async () => {
    await world();
    const before = await stateText();
    expectControlError(await t.call("PUT", "/__emulator/state", { raw: '{"version":1,' }), 400, "bad_json");
    expect(await stateText()).toBe(before);
  });
});

describe("the journal", () => {
  test("records method, path, status and code, newest first", async () => {
    await t.call("GET", "/v3/users/ghost");
    await t.call("GET", "/v1/rooms?limit=1");
    const res = await t.control("GET", "/journal?limit=2");
    expect(res.json.requests).toEqual([
      expect.objectContaining({ method: "GET", path: "/v1/rooms", query: "?limit=1", status: 200, code: null, token: "master", at: testNow }),
      expect.objectContaining({ method: "GET", path: "/v3/users/ghost", status: 400, code: 400201, token: "master" }),
    ]);
    expect((await t.control("DELETE", "/journal")).json).toEqual({ requests: [] });
    expect((await t.control("GET", "/journal")).json.requests).toHaveLength(1);
  });

  test("never holds an Api-Token, an AWS key or a token from a path", async () => {
    const secondary = await secondaryToken();
    await t.call("GET", "/v1/rooms", { token: secondary });
    await t.call("GET", `/v3/applications/api_tokens/${secondary}`);
    await t.call("DELETE", `/v3/applications/api_tokens/${secondary}`);
    await t.call("GET", "/v1/rooms", { token: secondary });
    await t.call("POST", "/v3/applications/api_tokens", { body: { HTTP_API_TOKEN: t.master } });
    const accessKey = "AKIAEMULATORACCESSKEY1";
    const secretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    await t.call("POST", "/v1/cloud-recordings/nope/copy", {
      body: { access_key: accessKey, secret_key: secretKey, bucket: "my-bucket", region: "us-east-1", nested: { secret_key: secretKey } },
    });
    await createUsers("u1");
    const session = (await t.call("POST", "/v3/users/u1/token", { body: {} })).json.token;
    const access = (await t.call("PUT", "/v3/users/u1", { body: { issue_access_token: true } })).json.access_token;
    const kept = await secondaryToken();
    const eventId = await liveEvent(["u1"], "ready");
    const streamKey = (await t.control("POST", `/live-events/${eventId}/hosts`, { user_id: "u1", stream_type: "rtmp" })).json.host.rtmp_stream.stream_key;
    await t.call("PUT", "/__emulator/state", { raw: await stateText() });

    const journal = JSON.stringify((await t.control("GET", "/journal?limit=500")).json);
    const secrets = [t.master, secondary, accessKey, secretKey, session, access, kept, streamKey];
    expect(secrets.every((s) => typeof s === "string" && s.length >= 16)).toBe(true);
    for (const secret of secrets) expect(journal).not.toContain(secret);
    expect(journal).toContain(`secondary ****${secondary.slice(-4)}`);
    expect(journal).toContain(`/v3/applications/api_tokens/****${secondary.slice(-4)}`);
    expect(journal).toContain('"token":"invalid"');
    const copy = (await t.control("GET", "/journal?limit=500")).json.requests.find((r: { path: string }) => r.path.endsWith("/copy"));
    expect(copy.body).toMatchObject({ access_key: `****${accessKey.slice(-4)}`, secret_key: `****${secretKey.slice(-4)}`, bucket: "my-bucket" });
  });

  test("refuses a limit outside 1–500", async () => {
    expectControlError(await t.control("GET", "/journal?limit=0"), 400, "invalid");
    expectControlError(await t.control("GET", "/journal?limit=501"), 400, "invalid");
  });
});
