import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { z } from "zod";
import { startTestEmulator, testNow } from "@/lib/emulator/testing/harness";
import type { TestEmulator } from "@/lib/emulator/testing/harness";
import { createSendbirdClient } from "./client";
import type { SendbirdClient, SendbirdClientOptions } from "./client";
import {
  SendbirdAuthError,
  SendbirdConflictError,
  SendbirdError,
  SendbirdNotFoundError,
  SendbirdPermissionError,
  SendbirdServerError,
  SendbirdStateError,
  SendbirdTimeoutError,
} from "./errors";
import { directCallSchema, hostSchema } from "./schemas";

const hour = 3_600_000;

let t: TestEmulator;
beforeEach(async () => {
  t = await startTestEmulator();
});
afterEach(() => t.close());

/** The real client over HTTP to this test's emulator, with short backoffs. */
function client(options: Partial<SendbirdClientOptions> = {}): SendbirdClient {
  return createSendbirdClient({
    apiToken: t.master,
    callsBaseUrl: t.running.callsBaseUrl,
    chatBaseUrl: t.running.chatBaseUrl,
    retryBaseMs: 20,
    ...options,
  });
}

async function failure(promise: Promise<unknown>): Promise<SendbirdError> {
  const err = await promise.then(
    () => new Error("expected the call to fail"),
    (e: unknown) => e,
  );
  if (!(err instanceof SendbirdError)) throw err;
  return err;
}

async function collect<T>(items: AsyncIterable<T>, max = 1000): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) {
    out.push(item);
    if (out.length > max) throw new Error(`more than ${max} items: the list does not end`);
  }
  return out;
}

async function inject(fault: Record<string, unknown>): Promise<void> {
  const res = await t.control("POST", "/faults", fault);
  expect(res.status, JSON.stringify(res.json)).toBe(200);
}

const journalSchema = z.object({
  requests: z.array(z.object({ method: z.string(), path: z.string(), status: z.number(), fault: z.string().nullable() })),
});

/** What reached the emulator for one method and path, oldest first. */
async function journal(method: string, path: string) {
  const res = await t.control("GET", "/journal?limit=500");
  return journalSchema
    .parse(res.json)
    .requests.filter((r) => r.method === method && r.path === path)
    .reverse();
}

/** Setup goes through a client without the throttle so it stays quick; the client under test keeps it. */
function seeder(): SendbirdClient {
  return client({ throttle: false });
}

async function createUsers(...ids: string[]): Promise<void> {
  const c = seeder();
  for (const userId of ids) await c.users.create({ userId, nickname: userId.toUpperCase() });
}

async function createEvents(count: number): Promise<string[]> {
  const c = seeder();
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) ids.push((await c.liveEvents.create({ hostCandidates: ["h"], title: `event ${i}` })).id);
  return ids;
}

async function recordCall(body: Record<string, unknown>): Promise<string> {
  const res = await t.control("POST", "/direct-calls", body);
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return z.object({ call: directCallSchema }).parse(res.json).call.call_id;
}

describe("live events", () => {
  test("runs a live event from creation through hosts and participants to its end", async () => {
    const c = client();
    await createUsers("host-1", "v1", "v2", "v3");
    const created = await c.liveEvents.create({ hostCandidates: ["host-1"], title: "Launch" });
    expect(created).toMatchObject({ state: "created", type: "video", title: "Launch", hostCandidates: ["host-1"], customItems: {}, hosts: [] });
    const id = created.id;

    expect(await c.liveEvents.setReady(id)).toMatchObject({ state: "ready", setReadyAt: testNow });
    expect(await c.liveEvents.start(id)).toMatchObject({ state: "ongoing", startedAt: testNow });

    // A host enters with the SDK (here the control plane), streaming over RTMP, and connects.
    const entered = await t.control("POST", `/live-events/${id}/hosts`, { user_id: "host-1", stream_type: "rtmp" });
    const { host } = z.object({ host: hostSchema }).parse(entered.json);
    expect((await t.control("POST", `/live-events/${id}/hosts/${host.host_id}/connect`)).status).toBe(200);
    const streamKey = host.rtmp_stream?.stream_key ?? "";
    expect(streamKey).not.toBe("");

    const hosts = await c.liveEvents.hosts(id);
    expect(hosts).toEqual([
      expect.objectContaining({
        hostId: host.host_id,
        userId: "host-1",
        nickname: "HOST-1",
        state: "connected",
        streamType: "rtmp",
        audioOn: true,
        videoOn: true,
      }),
    ]);
    expect(JSON.stringify(hosts)).not.toContain(streamKey);

    expect((await t.control("POST", `/live-events/${id}/participants/join`, { user_ids: ["v1", "v2", "v3"] })).status).toBe(200);
    const participants = await c.liveEvents.participants({ liveEventId: id });
    expect(participants.items.map((p) => p.userId).sort()).toEqual(["v1", "v2", "v3"]);

    const live = await c.liveEvents.retrieve(id);
    expect(live).toMatchObject({ state: "ongoing", isHostStreaming: true, participantCount: 3, hosts: [expect.objectContaining({ userId: "host-1" })] });
    expect(JSON.stringify(live)).not.toContain(streamKey);
    const { event, raw } = await c.liveEvents.retrieveWithRaw(id);
    expect(event).toEqual(live);
    expect(raw).toMatchObject({ live_event_id: id, state: "ongoing" });
    expect(JSON.stringify(raw)).not.toContain(streamKey);

    expect(await c.liveEvents.update(id, { title: "Launch (live)" })).toMatchObject({ title: "Launch (live)" });
    // Hosts set custom items with the Live SDK while on air (here the control plane); the console reads them.
    expect((await t.control("PUT", `/live-events/${id}/custom-items`, { custom_items: { stage: "main" } })).status).toBe(200);
    expect(await c.liveEvents.retrieve(id)).toMatchObject({ customItems: { stage: "main" } });

    expect(await c.liveEvents.end(id)).toMatchObject({ state: "ended", endedAt: testNow, hosts: [], participantCount: 0, peakParticipantCount: 3 });
    // Once the event is over, Sendbird names no host: everyone was forced out.
    expect(await c.liveEvents.hosts(id)).toEqual([]);
    expect((await c.liveEvents.list({ states: ["ended"] })).items.map((e) => e.id)).toEqual([id]);
  });

  test("a transition the state machine forbids is a SendbirdStateError from the calls host", async () => {
    const c = client();
    const { id } = await c.liveEvents.create({ hostCandidates: ["host-1"] });
    const early = await failure(c.liveEvents.start(id));
    expect(early).toBeInstanceOf(SendbirdStateError);
    expect(early).toMatchObject({ host: "calls", status: 401, code: 401120, message: expect.stringContaining("created") });
    await c.liveEvents.end(id);
    expect(await failure(c.liveEvents.update(id, { title: "late" }))).toBeInstanceOf(SendbirdStateError);
  });

  test("an unknown id round-trips its encoding and is a SendbirdNotFoundError (400200)", async () => {
    const err = await failure(client().liveEvents.retrieve("a/b c%é"));
    expect(err).toBeInstanceOf(SendbirdNotFoundError);
    expect(err).toMatchObject({ host: "calls", status: 400, code: 400200, message: expect.stringContaining("a/b c%é") });
  });

  test("filters the list by several states at once", async () => {
    const c = client();
    const [ready = "", created = "", ended = ""] = await createEvents(3);
    await c.liveEvents.setReady(ready);
    await c.liveEvents.end(ended);
    const ids = async (states: string[]) => (await c.liveEvents.list({ states })).items.map((e) => e.id).sort();
    expect(await ids(["ready"])).toEqual([ready]);
    expect(await ids(["created", "ready"])).toEqual([created, ready].sort());
  });

  test("copies a completed cloud recording", async () => {
    const c = client();
    const [id] = await createEvents(1);
    const res = await t.control("POST", `/live-events/${id ?? ""}/recordings`, { status: "completed" });
    const recordingId = z.object({ recording: z.object({ recording_id: z.string() }) }).parse(res.json).recording.recording_id;
    const copy = await c.recordings.copy(recordingId, { bucket: "my-bucket", region: "us-east-1", accessKey: "AKIAEXAMPLE", secretKey: "s3cr3t" });
    expect(copy).toEqual({ recordingId, status: "copying", bucket: "my-bucket", region: "us-east-1" });
  });
});

describe("users", () => {
  test.each(["a/b c%é", "user@example.com", "emoji-😀-ü", "plus+and=equals", "dots...and spaces  "])("manages the whole life of user %j", async (userId) => {
    const c = client();
    expect(await c.users.create({ userId, nickname: "Odd", metadata: { team: "a" } })).toMatchObject({
      userId,
      nickname: "Odd",
      isActive: true,
      metadata: { team: "a" },
      createdAt: testNow,
    });
    expect(await c.users.retrieve(userId)).toMatchObject({ userId });
    expect((await c.users.list({ userIds: [userId] })).items.map((u) => u.userId)).toEqual([userId]);
    expect(await c.users.update(userId, { nickname: "Odder" })).toMatchObject({ nickname: "Odder" });
    expect(await c.users.metadata.create(userId, { "odd key/é": "1" })).toEqual({ "odd key/é": "1" });
    expect(await c.users.metadata.update(userId, "odd key/é", "2")).toEqual({ "odd key/é": "2" });
    await c.users.metadata.delete(userId, "team");
    expect((await c.users.retrieve(userId)).metadata).toEqual({ "odd key/é": "2" });

    expect(await c.users.deactivate(userId)).toMatchObject({ isActive: false });
    expect((await c.users.list({ activeMode: "deactivated" })).items.map((u) => u.userId)).toEqual([userId]);
    expect(await c.users.reactivate(userId)).toMatchObject({ isActive: true });

    const session = await c.users.issueSessionToken(userId);
    expect(session).toEqual({ token: expect.stringMatching(/^eyJ/), expiresAt: testNow + 7 * 24 * hour });
    expect(JSON.stringify(await c.users.retrieve(userId))).not.toContain(session.token);
    await c.users.revokeSessionTokens(userId);

    await c.users.delete(userId);
    const gone = await failure(c.users.retrieve(userId));
    expect(gone).toBeInstanceOf(SendbirdNotFoundError);
    expect(gone).toMatchObject({ host: "chat", status: 400, code: 400201 });
  });

  test("creating a user id twice is a SendbirdConflictError (400202)", async () => {
    const c = client();
    await c.users.create({ userId: "u-1", nickname: "Una" });
    expect(await failure(c.users.create({ userId: "u-1", nickname: "Una" }))).toMatchObject({ name: SendbirdConflictError.name, host: "chat", code: 400202 });
  });
});

describe("direct calls", () => {
  test("lists, filters, reads and annotates calls", async () => {
    const c = client();
    await createUsers("alice", "bob", "carol");
    const oldest = await recordCall({ caller_id: "alice", callee_id: "bob", end_result: "completed", duration: 60_000, started_at: testNow - 3 * hour });
    const middle = await recordCall({ caller_id: "bob", callee_id: "alice", end_result: "declined", started_at: testNow - 2 * hour });
    const newest = await recordCall({ caller_id: "alice", callee_id: "carol", end_result: "no_answer", started_at: testNow - hour });

    expect((await c.directCalls.list()).items.map((call) => call.callId)).toEqual([newest, middle, oldest]);
    expect((await c.directCalls.list({ endResults: ["completed", "declined"] })).items.map((call) => call.callId)).toEqual([middle, oldest]);
    expect(await c.directCalls.retrieve(oldest)).toMatchObject({
      callId: oldest,
      caller: expect.objectContaining({ userId: "alice" }),
      callee: expect.objectContaining({ userId: "bob" }),
      endResult: "completed",
      durationMs: 60_000,
    });

    const mine = async (params: { role?: "dc_caller" | "dc_callee"; startedAfter?: number; endedBefore?: number } = {}) =>
      (await c.directCalls.userCalls({ userId: "alice", ...params })).items.map((call) => call.callId);
    expect(await mine()).toEqual([newest, middle, oldest]);
    expect(await mine({ role: "dc_caller" })).toEqual([newest, oldest]);
    // millisecond inputs go out as the seconds the endpoint documents
    expect(await mine({ startedAfter: testNow - 2.5 * hour, endedBefore: testNow })).toEqual([newest, middle]);

    expect(await c.directCalls.customItems.update(oldest, { ticket: "T-1", agent: "zoe" })).toEqual({ ticket: "T-1", agent: "zoe" });
    expect(await c.directCalls.customItems.delete(oldest, ["ticket"])).toEqual({ agent: "zoe" });
    expect((await c.directCalls.retrieve(oldest)).customItems).toEqual({ agent: "zoe" });
    expect(await failure(c.directCalls.retrieve("no-such-call"))).toMatchObject({ name: SendbirdNotFoundError.name, code: 400200 });
  });
});

describe("rooms", () => {
  test("creates a room, reads who is in it, its recordings, and reads it once the Calls SDK deleted it", async () => {
    const c = client();
    await createUsers("alice", "bob");
    const room = await c.rooms.create("small_room_for_video", { topic: "standup" });
    expect(room).toMatchObject({ type: "small_room_for_video", state: "open", customItems: { topic: "standup" }, currentParticipants: [] });
    expect((await t.control("POST", `/rooms/${room.roomId}/participants/join`, { user_ids: ["alice", "bob"] })).status).toBe(200);

    expect((await c.rooms.retrieve(room.roomId)).currentParticipants.map((p) => p.userId).sort()).toEqual(["alice", "bob"]);
    expect((await c.rooms.participants({ roomId: room.roomId })).items.map((p) => p.userId).sort()).toEqual(["alice", "bob"]);
    expect((await c.rooms.list({ state: "open" })).items.map((r) => r.roomId)).toEqual([room.roomId]);
    expect((await t.control("POST", `/rooms/${room.roomId}/recordings`, { status: "completed" })).status).toBe(200);
    expect((await c.rooms.retrieve(room.roomId)).recordings).toEqual([expect.objectContaining({ status: "completed", stoppedAt: testNow, durationMs: 0 })]);

    expect((await t.control("DELETE", `/rooms/${room.roomId}`)).status).toBe(200);
    expect(await c.rooms.retrieve(room.roomId)).toMatchObject({ roomId: room.roomId, state: "deleted", deletedAt: testNow, currentParticipants: [] });
    expect((await c.rooms.list({ state: "deleted" })).items.map((r) => r.roomId)).toEqual([room.roomId]);
  });
});

describe("secondary API tokens", () => {
  test("generates, lists, reads and revokes a token that then stops working", async () => {
    const c = client();
    const generated = await c.apiTokens.generate();
    expect(generated).toEqual({ token: expect.any(String), createdAt: testNow });
    expect((await c.apiTokens.list()).map((k) => k.token)).toContain(generated.token);
    expect(await c.apiTokens.retrieve(generated.token)).toEqual(generated);

    const secondary = client({ apiToken: generated.token });
    await expect(secondary.users.list()).resolves.toMatchObject({ items: [] });
    const refused = await failure(secondary.apiTokens.list());
    expect(refused).toBeInstanceOf(SendbirdPermissionError);
    expect(refused).toMatchObject({ host: "chat", code: 400108 });

    await c.apiTokens.revoke(generated.token);
    expect((await c.apiTokens.list()).map((k) => k.token)).not.toContain(generated.token);
    expect(await failure(secondary.users.list())).toMatchObject({ name: SendbirdAuthError.name, host: "chat", code: 400401 });
  });
});

describe("authentication", () => {
  test.each([
    ["calls", { call: (c: SendbirdClient) => c.liveEvents.list(), path: "/v1/live-events", status: 401, code: 401121 }],
    ["chat", { call: (c: SendbirdClient) => c.users.list(), path: "/v3/users", status: 400, code: 400401 }],
  ] as const)("a wrong token is a SendbirdAuthError from the %s host, not retried", async (host, { call, path, status, code }) => {
    const err = await failure(call(client({ apiToken: "not-a-token" })));
    expect(err).toBeInstanceOf(SendbirdAuthError);
    expect(err).toMatchObject({ host, status, code });
    expect(await journal("GET", path)).toHaveLength(1);
  });
});

describe(".all() over several pages", () => {
  test("users.list.all() returns each user once", async () => {
    const c = client();
    const ids = ["u-1", "u-2", "u-3", "u-4", "u-5", "u-6", "u-7"];
    await createUsers(...ids);
    expect((await collect(c.users.list.all({ limit: 3 }))).map((u) => u.userId)).toEqual(ids);
    expect(await journal("GET", "/v3/users")).toHaveLength(3);
  });

  test("liveEvents.list.all() returns each event once", async () => {
    const c = client();
    const ids = await createEvents(5);
    const seen = (await collect(c.liveEvents.list.all({ limit: 2 }))).map((e) => e.id);
    expect(seen).toHaveLength(5);
    expect([...seen].sort()).toEqual([...ids].sort());
    expect(await journal("GET", "/v1/live-events")).toHaveLength(3);
  });

  test("directCalls.list.all() and liveEvents.participants.all() return each item once", async () => {
    const c = client();
    const viewers = ["v1", "v2", "v3", "v4", "v5"];
    await createUsers(...viewers);
    const calls: string[] = [];
    for (let i = 0; i < 5; i += 1)
      calls.push(await recordCall({ caller_id: "v1", callee_id: "v2", end_result: "completed", started_at: testNow - (i + 1) * hour }));
    expect((await collect(c.directCalls.list.all({ limit: 2 }))).map((call) => call.callId)).toEqual(calls);

    const { id } = await seeder().liveEvents.create({ hostCandidates: ["v1"] });
    await seeder().liveEvents.setReady(id);
    await t.control("POST", `/live-events/${id}/participants/join`, { user_ids: viewers });
    const seen = (await collect(c.liveEvents.participants.all({ liveEventId: id, limit: 2 }))).map((p) => p.userId);
    expect([...seen].sort()).toEqual(viewers);
  });
});

describe("faults", () => {
  test("a 429 with X-RateLimit-RetryAfter 0.2 on /v3/users is waited out, then succeeds", async () => {
    const c = client();
    await createUsers("u-1");
    await inject({ method: "GET", path: "/v3/users", status: 429, retry_after: 0.2, count: 1 });
    const started = performance.now();
    const page = await c.users.list();
    expect(performance.now() - started).toBeGreaterThanOrEqual(150);
    expect(page.items.map((u) => u.userId)).toEqual(["u-1"]);
    expect((await journal("GET", "/v3/users")).map((r) => r.status)).toEqual([429, 200]);
  });

  test("a 429 on /v1 without a retry header is retried after backoff", async () => {
    const c = client();
    const ids = await createEvents(1);
    await inject({ method: "GET", path: "/v1/live-events", status: 429, count: 2 });
    expect((await c.liveEvents.list()).items.map((e) => e.id)).toEqual(ids);
    expect((await journal("GET", "/v1/live-events")).map((r) => r.status)).toEqual([429, 429, 200]);
  });

  test("a 500 on a GET is retried and succeeds", async () => {
    const c = client();
    const [id = ""] = await createEvents(1);
    await inject({ method: "GET", path: "/v1/live-events/*", status: 500, count: 1 });
    expect(await c.liveEvents.retrieve(id)).toMatchObject({ id });
    expect((await journal("GET", `/v1/live-events/${id}`)).map((r) => r.status)).toEqual([500, 200]);
  });

  test("a 500 on a POST is not retried", async () => {
    const c = client();
    await inject({ method: "POST", path: "/v1/live-events", status: 500, count: 1 });
    const err = await failure(c.liveEvents.create({ hostCandidates: ["h"] }));
    expect(err).toBeInstanceOf(SendbirdServerError);
    expect(err).toMatchObject({ host: "calls", status: 500, code: 500999 });
    expect(await journal("POST", "/v1/live-events")).toHaveLength(1);
    expect((await c.liveEvents.list()).items).toEqual([]);
  });

  test("a GET whose connection is dropped is retried", async () => {
    const c = client();
    await createUsers("u-1");
    await inject({ method: "GET", path: "/v3/users/*", drop: true, count: 1 });
    expect(await c.users.retrieve("u-1")).toMatchObject({ userId: "u-1" });
    expect((await journal("GET", "/v3/users/u-1")).map((r) => r.status)).toEqual([0, 200]);
  });

  test("an answer slower than timeoutMs surfaces SendbirdTimeoutError", async () => {
    await inject({ method: "GET", path: "/v1/live-events", latency_ms: 500 });
    const err = await failure(client({ timeoutMs: 100, maxRetries: 0 }).liveEvents.list());
    expect(err).toBeInstanceOf(SendbirdTimeoutError);
    expect(err).toMatchObject({ host: "calls", status: 0, code: null, method: "GET", path: "/live-events" });
  });

  test("a GET that timed out is retried", async () => {
    await inject({ method: "GET", path: "/v1/live-events", latency_ms: 400, count: 1 });
    await expect(client({ timeoutMs: 150 }).liveEvents.list()).resolves.toMatchObject({ items: [] });
  });

  test("a POST that timed out is not retried, though the emulator did create the event", async () => {
    const c = client({ timeoutMs: 100 });
    await inject({ method: "POST", path: "/v1/live-events", latency_ms: 300, count: 1 });
    expect(await failure(c.liveEvents.create({ hostCandidates: ["h"] }))).toBeInstanceOf(SendbirdTimeoutError);
    await vi.waitFor(async () => expect(await journal("POST", "/v1/live-events")).toHaveLength(1), { timeout: 3000, interval: 50 });
    expect((await c.liveEvents.list()).items).toHaveLength(1);
    expect(await journal("POST", "/v1/live-events")).toHaveLength(1);
  });
});

describe("rate limits", () => {
  test("300 quick reads over ten endpoints all succeed under the emulator's published limits", async () => {
    const c = client();
    await createUsers("u-1");
    const [id = ""] = await createEvents(1);
    await seeder().rooms.create("small_room_for_video");
    expect((await t.control("PUT", "/settings", { rate_limits: true })).json).toMatchObject({ rate_limits: true });
    await t.control("DELETE", "/journal");

    const reads: (() => Promise<unknown>)[] = [
      () => c.liveEvents.list(),
      () => c.liveEvents.retrieve(id),
      () => c.liveEvents.hosts(id),
      () => c.liveEvents.participants({ liveEventId: id }),
      () => c.liveEvents.list({ states: ["created"] }),
      () => c.directCalls.list(),
      () => c.rooms.list(),
      () => c.users.list(),
      () => c.users.retrieve("u-1"),
      () => c.apiTokens.list(),
    ];
    const results = await Promise.allSettled(reads.flatMap((read) => Array.from({ length: 30 }, () => read())));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);

    const res = await t.control("GET", "/journal?limit=500");
    const statuses = journalSchema
      .parse(res.json)
      .requests.filter((r) => !r.path.startsWith("/__emulator"))
      .map((r) => r.status);
    expect(statuses.filter((s) => s === 200).length).toBe(300);
  }, 20_000);
});
