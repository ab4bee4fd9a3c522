import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { hostsResponseSchema, liveEventEnvelopeSchema, liveEventListSchema, participantListSchema } from "@/lib/sendbird/schemas";
import type { LiveEvent } from "@/lib/sendbird/schemas";
import { advance, createUsers, expectCallsError, startTestEmulator, testNow } from "../testing/harness";
import type { CallOptions, CallResult, TestEmulator } from "../testing/harness";

const minute = 60_000;

let t: TestEmulator;
beforeEach(async () => {
  t = await startTestEmulator();
});
afterEach(() => t.close());

async function createEvent(body: Record<string, unknown> = {}): Promise<LiveEvent> {
  const res = await t.call("POST", "/v1/live-events", { body: { host_type: "single_host", user_ids_for_host: ["host-alice"], ...body } });
  expect(res.status).toBe(200);
  return liveEventEnvelopeSchema.parse(res.json).live_event;
}

async function getEvent(id: string): Promise<LiveEvent> {
  const res = await t.call("GET", `/v1/live-events/${encodeURIComponent(id)}`);
  expect(res.status).toBe(200);
  return liveEventEnvelopeSchema.parse(res.json).live_event;
}

async function act(id: string, action: "ready" | "start"): Promise<LiveEvent> {
  const res = await t.call("POST", `/v1/live-events/${id}/${action}`, { body: {} });
  expect(res.status).toBe(200);
  return liveEventEnvelopeSchema.parse(res.json).live_event;
}

async function endEvent(id: string): Promise<LiveEvent> {
  const res = await t.call("DELETE", `/v1/live-events/${id}`);
  expect(res.status).toBe(200);
  return liveEventEnvelopeSchema.parse(res.json).live_event;
}

async function listEvents(query: string) {
  const res = await t.call("GET", `/v1/live-events${query}`);
  expect(res.status).toBe(200);
  const page = liveEventListSchema.parse(res.json);
  return { ids: page.live_events.map((e) => e.live_event_id), events: page.live_events, prev: page.prev, next: page.next };
}

async function join(id: string, body: { count: number } | { user_ids: string[] }): Promise<void> {
  expect((await t.control("POST", `/live-events/${id}/participants/join`, body)).status).toBe(200);
}

async function enterHost(id: string, userId: string): Promise<string> {
  const res = await t.control("POST", `/live-events/${id}/hosts`, { user_id: userId });
  expect(res.status).toBe(200);
  return hostsResponseSchema.parse(res.json).host?.host_id ?? "";
}

/** A multipart/form-data body as the Live SDK sends it, with its boundary header. */
async function multipart(fields: Record<string, string | Blob>): Promise<CallOptions> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === "string") form.append(name, value);
    else form.append(name, value, "cover.png");
  }
  const request = new Request("http://multipart.invalid/", { method: "POST", body: form });
  return { raw: new Uint8Array(await request.arrayBuffer()), headers: { "content-type": request.headers.get("content-type") ?? "" } };
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const eleven = Array.from({ length: 11 }, (_, i) => `host-${i}`);
const ten = eleven.slice(0, 10);

describe("POST /v1/live-events", () => {
  test("creates a live event in state created with the documented fields", async () => {
    const res = await t.call("POST", "/v1/live-events", {
      body: { host_type: "single_host", user_ids_for_host: ["host-alice"], title: "Happy Hour!", cover_url: "https://example.com/welcome.png" },
    });
    expect(res.status).toBe(200);
    const event = liveEventEnvelopeSchema.parse(res.json).live_event;
    expect(event.live_event_id).toMatch(uuid);
    expect(event).toEqual({
      live_event_id: event.live_event_id,
      host_type: "single_host",
      live_event_type: "live_event_for_video",
      state: "created",
      created_at: testNow,
      set_ready_at: null,
      started_at: null,
      ended_at: null,
      is_host_streaming: false,
      host: null,
      hosts: [],
      created_by: "",
      set_ready_by: "",
      started_by: "",
      ended_by: "",
      duration: 0,
      participant_count: 0,
      peak_participant_count: 0,
      cumulative_participant_count: 0,
      user_ids_for_host: ["host-alice"],
      title: "Happy Hour!",
      cover_url: "https://example.com/welcome.png",
      custom_items: {},
      cloud_recordings: [],
    });
    expect(await getEvent(event.live_event_id)).toEqual(event);
  });

  test.each([
    ["host_type single_host", { host_type: "single_host" }, "single_host", "live_event_for_video"],
    ["no host_type (defaults to single_host)", { host_type: undefined }, "single_host", "live_event_for_video"],
    ["type live_event_for_video", { host_type: undefined, type: "live_event_for_video" }, "single_host", "live_event_for_video"],
    ["type live_event_for_audio_only", { host_type: undefined, type: "live_event_for_audio_only" }, "single_host", "live_event_for_audio_only"],
    ["host_type and an audio-only type", { host_type: "single_host", type: "live_event_for_audio_only" }, "single_host", "live_event_for_audio_only"],
    ["host_type single_host_audio_only", { host_type: "single_host_audio_only" }, "single_host_audio_only", "live_event_for_audio_only"],
  ])("accepts %s", async (_name, body, hostType, liveEventType) => {
    const event = await createEvent(body);
    expect({ host_type: event.host_type, live_event_type: event.live_event_type }).toEqual({ host_type: hostType, live_event_type: liveEventType });
    expect((await getEvent(event.live_event_id)).live_event_type).toBe(liveEventType);
  });

  test("stores custom_items given at creation", async () => {
    const event = await createEvent({ custom_items: { campaign: "spring", tier: "gold" } });
    expect(event.custom_items).toEqual({ campaign: "spring", tier: "gold" });
    expect((await getEvent(event.live_event_id)).custom_items).toEqual({ campaign: "spring", tier: "gold" });
  });

  test("accepts a multipart/form-data body with comma-separated, URL-encoded host ids, customItems and a cover file", async () => {
    const options = await multipart({
      host_type: "single_host",
      type: "live_event_for_audio_only",
      user_ids_for_host: ["alice@example.com", "bob,builder", "carol"].map(encodeURIComponent).join(","),
      title: "Form launch",
      customItems: JSON.stringify({ campaign: "spring" }),
      cover_file: new Blob([new Uint8Array([137, 80, 78, 71])], { type: "image/png" }),
    });
    const res = await t.call("POST", "/v1/live-events", options);
    expect(res.status).toBe(200);
    const event = liveEventEnvelopeSchema.parse(res.json).live_event;
    expect(event).toMatchObject({
      state: "created",
      live_event_type: "live_event_for_audio_only",
      user_ids_for_host: ["alice@example.com", "bob,builder", "carol"],
      title: "Form launch",
      custom_items: { campaign: "spring" },
    });
    expect(event.cover_url).toMatch(/^https:\/\//);
  });

  test("drops repeated host ids", async () => {
    expect((await createEvent({ user_ids_for_host: ["a", "b", "a"] })).user_ids_for_host).toEqual(["a", "b"]);
  });

  test.each([
    ["a 191-character title", { title: "t".repeat(191) }],
    ["a 191-character title of emoji", { title: "🎉".repeat(191) }],
    ["a 2048-character cover_url", { cover_url: `https://example.com/${"c".repeat(2048 - 20)}` }],
    ["one host id", { user_ids_for_host: ["solo"] }],
    ["ten host ids", { user_ids_for_host: ten }],
    ["an 80-character host id", { user_ids_for_host: ["u".repeat(80)] }],
  ])("accepts %s", async (_name, body) => {
    const res = await t.call("POST", "/v1/live-events", { body: { host_type: "single_host", user_ids_for_host: ["host-alice"], ...body } });
    expect(res.status).toBe(200);
    const event = liveEventEnvelopeSchema.parse(res.json).live_event;
    expect(event).toMatchObject(body);
  });

  test("accepts an empty title, and leaves an unset title and cover out of the event as the docs' examples do", async () => {
    const res = await t.call("POST", "/v1/live-events", { body: { host_type: "single_host", user_ids_for_host: ["host-alice"], title: "" } });
    expect(res.status).toBe(200);
    expect(res.json.live_event).not.toHaveProperty("title");
    expect(res.json.live_event).not.toHaveProperty("cover_url");
  });

  test.each([
    ["no user_ids_for_host", { user_ids_for_host: undefined }, 400111, "MISSING_PARAMS"],
    ["an empty user_ids_for_host", { user_ids_for_host: [] }, 400111, "MISSING_PARAMS"],
    ["eleven host ids", { user_ids_for_host: eleven }, 400100, "INVALID_PARAMS"],
    ["an 81-character host id", { user_ids_for_host: ["u".repeat(81)] }, 400100, "INVALID_PARAMS"],
    ["an empty host id", { user_ids_for_host: [""] }, 400100, "INVALID_PARAMS"],
    ["a host id that is not a string", { user_ids_for_host: [7] }, 400100, "INVALID_PARAMS"],
    ["user_ids_for_host as a string in JSON", { user_ids_for_host: "host-alice" }, 400100, "INVALID_PARAMS"],
    ["a 192-character title", { title: "t".repeat(192) }, 400100, "INVALID_PARAMS"],
    ["a title that is not a string", { title: 5 }, 400100, "INVALID_PARAMS"],
    ["a 2049-character cover_url", { cover_url: `https://example.com/${"c".repeat(2049 - 20)}` }, 400100, "INVALID_PARAMS"],
    ["an unknown host_type", { host_type: "many_hosts" }, 400100, "INVALID_PARAMS"],
    ["an unknown type", { type: "live_event_for_smell" }, 400100, "INVALID_PARAMS"],
    ["custom_items with a number value", { custom_items: { k: 1 } }, 400100, "INVALID_PARAMS"],
    ["custom_items as a list", { custom_items: ["k"] }, 400100, "INVALID_PARAMS"],
    ["eleven custom_items", { custom_items: Object.fromEntries(eleven.map((k) => [k, "v"])) }, 400100, "INVALID_PARAMS"],
  ])("refuses %s without creating anything", async (_name, body, code, type) => {
    const res = await t.call("POST", "/v1/live-events", { body: { host_type: "single_host", user_ids_for_host: ["host-alice"], ...body } });
    expectCallsError(res, 400, code, type);
    expect((await listEvents("")).ids).toEqual([]);
  });

  test.each([
    ["no host ids", { user_ids_for_host: "" }, 400111],
    ["eleven host ids", { user_ids_for_host: eleven.join(",") }, 400100],
    ["a host id that is not valid URL encoding", { user_ids_for_host: "ok,%E0%A4%A" }, 400100],
    ["customItems that are not JSON", { user_ids_for_host: "a", customItems: "{nope" }, 400100],
    ["customItems that are a JSON list", { user_ids_for_host: "a", customItems: "[1]" }, 400100],
  ])("refuses a multipart body with %s", async (_name, fields, code) => {
    const res = await t.call("POST", "/v1/live-events", await multipart({ host_type: "single_host", ...fields }));
    expectCallsError(res, 400, code);
    expect((await listEvents("")).ids).toEqual([]);
  });

  test.each([
    ["a body that is not JSON", { raw: "{not json" }],
    ["a JSON list body", { body: ["host-alice"] }],
    ["a JSON string body", { body: "host-alice" }],
  ])("refuses %s with HTTP 400 code 400100", async (_name, options) => {
    expectCallsError(await t.call("POST", "/v1/live-events", options), 400, 400100, "INVALID_PARAMS");
  });

  test("refuses a body over 1 MB with HTTP 413", async () => {
    const res = await t.call("POST", "/v1/live-events", { raw: JSON.stringify({ user_ids_for_host: ["a"], title: "x".repeat(1024 * 1024 + 1) }) });
    expectCallsError(res, 413, 400100);
  });
});

describe("GET /v1/live-events/{live_event_id}", () => {
  test("returns an event in any state, ended included", async () => {
    const event = await createEvent();
    await endEvent(event.live_event_id);
    expect(await getEvent(event.live_event_id)).toMatchObject({ live_event_id: event.live_event_id, state: "ended" });
  });

  test.each([
    ["an unknown id", "/v1/live-events/00000000-0000-4000-8000-000000000000", 400, 400200],
    ["an encoded slash", "/v1/live-events/a%2Fb", 400, 400200],
    ["an id that is not valid URL encoding", "/v1/live-events/%E0%A4%A", 400, 400100],
  ])("answers %s with an error, never a 500", async (_name, path, status, code) => {
    expectCallsError(await t.call("GET", path), status, code);
  });

  test("names a not-found event with type NOT_FOUND", async () => {
    expectCallsError(await t.call("GET", "/v1/live-events/nope"), 400, 400200, "NOT_FOUND");
  });

  test("answers an unknown subpath and a method the path does not take with HTTP 400 code 400200", async () => {
    const event = await createEvent();
    expectCallsError(await t.call("GET", `/v1/live-events/${event.live_event_id}/nothing-here`), 400, 400200);
    const res = await t.call("PATCH", `/v1/live-events/${event.live_event_id}`, { body: {} });
    expectCallsError(res, 400, 400200);
    expect(res.headers.get("allow")).toContain("PUT");
  });
});

describe("Api-Token", () => {
  const endpoints: [string, string, unknown][] = [
    ["POST", "/v1/live-events", { user_ids_for_host: ["a"] }],
    ["GET", "/v1/live-events", undefined],
    ["GET", "/v1/live-events/ID", undefined],
    ["PUT", "/v1/live-events/ID", { title: "x" }],
    ["DELETE", "/v1/live-events/ID", undefined],
    ["POST", "/v1/live-events/ID/ready", {}],
    ["POST", "/v1/live-events/ID/start", {}],
    ["GET", "/v1/live-events/ID/hosts", undefined],
    ["GET", "/v1/live-events/ID/participants", undefined],
    ["POST", "/v1/cloud-recordings/ID/copy", { access_key: "a", secret_key: "s", bucket: "b-b", region: "us-east-1" }],
  ];

  test.each(endpoints)("%s %s without a token is HTTP 401 code 401121 and changes nothing", async (method, path, body) => {
    const event = await createEvent();
    const res = await t.call(method, path.replace("ID", event.live_event_id), { token: null, body });
    expectCallsError(res, 401, 401121, "NOT_AUTHORIZED");
    expect(await getEvent(event.live_event_id)).toEqual(event);
  });

  test.each(endpoints)("%s %s with an unknown token is HTTP 401 code 401121", async (method, path, body) => {
    const event = await createEvent();
    const res = await t.call(method, path.replace("ID", event.live_event_id), { token: "not-a-token-of-this-app", body });
    expectCallsError(res, 401, 401121, "NOT_AUTHORIZED");
  });

  test("accepts a secondary token until it is revoked", async () => {
    const generated = await t.call("POST", "/v3/applications/api_tokens", { body: {} });
    expect(generated.status).toBe(200);
    const token: string = generated.json.token;
    const res = await t.call("POST", "/v1/live-events", { token, body: { user_ids_for_host: ["a"] } });
    expect(res.status).toBe(200);
    expect((await t.call("GET", "/v1/live-events", { token })).status).toBe(200);
    expect((await t.call("DELETE", `/v3/applications/api_tokens/${token}`)).status).toBe(200);
    expectCallsError(await t.call("GET", "/v1/live-events", { token }), 401, 401121);
  });
});

describe("GET /v1/live-events", () => {
  test("lists newest first with null tokens on a single page", async () => {
    const first = await createEvent();
    await advance(t, minute);
    const second = await createEvent();
    const page = await listEvents("");
    expect(page).toMatchObject({ ids: [second.live_event_id, first.live_event_id], prev: null, next: null });
    expect(page.events[0]).toEqual(second);
  });

  test("returns 10 events by default and at most limit", async () => {
    for (let i = 0; i < 12; i += 1) {
      await createEvent();
      await advance(t, 1000);
    }
    expect((await listEvents("")).ids).toHaveLength(10);
    expect((await listEvents("?limit=1")).ids).toHaveLength(1);
    expect((await listEvents("?limit=100")).ids).toHaveLength(12);
  });

  test("pages forward with next and back with prev", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      ids.unshift((await createEvent({ title: `#${i}` })).live_event_id);
      await advance(t, 1000);
    }
    const p1 = await listEvents("?limit=2");
    expect(p1).toMatchObject({ ids: ids.slice(0, 2), prev: null });
    const p2 = await listEvents(`?limit=2&next=${encodeURIComponent(p1.next ?? "")}`);
    expect(p2.ids).toEqual(ids.slice(2, 4));
    const p3 = await listEvents(`?limit=2&next=${encodeURIComponent(p2.next ?? "")}`);
    expect(p3).toMatchObject({ ids: ids.slice(4), next: null });
    const back = await listEvents(`?limit=2&prev=${encodeURIComponent(p3.prev ?? "")}`);
    expect(back.ids).toEqual(p2.ids);
    const start = await listEvents(`?limit=2&prev=${encodeURIComponent(back.prev ?? "")}`);
    expect(start).toMatchObject({ ids: p1.ids, prev: null });
  });

  test("shows changes to an event in the list right away", async () => {
    const event = await createEvent({ title: "Before" });
    expect((await listEvents("")).events[0]?.title).toBe("Before");
    expect((await t.call("PUT", `/v1/live-events/${event.live_event_id}`, { body: { title: "After" } })).status).toBe(200);
    expect((await listEvents("")).events[0]?.title).toBe("After");
    await act(event.live_event_id, "ready");
    await act(event.live_event_id, "start");
    expect((await listEvents("")).events[0]?.state).toBe("ongoing");
    const put = await t.control("PUT", `/live-events/${event.live_event_id}/custom-items`, { custom_items: { k: "v" } });
    expect(put.status).toBe(200);
    expect((await listEvents("")).events[0]?.custom_items).toEqual({ k: "v" });
  });

  test.each([
    ["?limit=0"],
    ["?limit=101"],
    ["?limit=abc"],
    ["?limit=-1"],
    ["?limit=1.5"],
    ["?state=paused"],
    ["?state=ready,live"],
    ["?types=live_event_for_smell"],
    ["?created_at_start_date=yesterday"],
    ["?created_at_end_date=-1"],
    ["?started_at_start_date=1e12"],
    ["?participant_count_range_gte=-1"],
    ["?participant_count_lte=many"],
    ["?next=not-a-token"],
    ["?prev=not-a-token"],
    ["?next=a&prev=b"],
    [`?live_event_ids=${Array.from({ length: 101 }, (_, i) => `e${i}`).join(",")}`],
    ["?host_type=many_hosts"],
    ["?host_type=single_host,solo"],
    ["?host_types=multiple_hosts"],
  ])("refuses %s with HTTP 400 code 400100", async (query) => {
    expectCallsError(await t.call("GET", `/v1/live-events${query}`), 400, 400100, "INVALID_PARAMS");
  });
});

describe("GET /v1/live-events filters", () => {
  /**
   * Four events a minute apart, newest first: D created (0 watching), C ready audio-only (2 watching),
   * B ongoing since T+5m (1 watching), A ended at T+6m after starting at T+4m (everyone forced out).
   * A was created by host-alice and C by host-bob.
   */
  async function world() {
    await createUsers(t, "v1", "v2", "v3", "v4", "v5", "v6");
    const a = (await createEvent({ user_ids_for_host: ["host-alice"] })).live_event_id;
    await advance(t, minute);
    const b = (await createEvent()).live_event_id;
    await advance(t, minute);
    const c = (await createEvent({ type: "live_event_for_audio_only" })).live_event_id;
    await advance(t, minute);
    const d = (await createEvent()).live_event_id;
    await advance(t, minute);
    await act(a, "ready");
    await act(b, "ready");
    await act(a, "start");
    await advance(t, minute);
    await act(b, "start");
    await join(a, { user_ids: ["v1", "v2", "v3"] });
    await join(b, { user_ids: ["v4"] });
    await advance(t, minute);
    await endEvent(a);
    await act(c, "ready");
    await join(c, { user_ids: ["v5", "v6"] });
    const state = await t.control("GET", "/state");
    for (const event of state.json.live_events) {
      if (event.live_event_id === a) event.created_by = "host-alice";
      if (event.live_event_id === c) event.created_by = "host-bob";
    }
    expect((await t.control("PUT", "/state", state.json)).status).toBe(200);
    return { a, b, c, d };
  }

  const T = testNow;
  test.each([
    ["", ["d", "c", "b", "a"]],
    ["?state=ongoing", ["b"]],
    ["?state=ended", ["a"]],
    ["?state=ready,ongoing", ["c", "b"]],
    ["?state=created%2Cended", ["d", "a"]],
    ["?state=created,ready,ongoing,ended", ["d", "c", "b", "a"]],
    [`?created_at_start_date=${T + minute}`, ["d", "c", "b"]],
    [`?created_at_end_date=${T + 2 * minute}`, ["b", "a"]],
    [`?created_at_start_date=${T + minute}&created_at_end_date=${T + 3 * minute}`, ["c", "b"]],
    [`?created_at_start_date=${T + 4 * minute}`, []],
    [`?started_at_start_date=${T}`, ["b", "a"]],
    [`?started_at_start_date=${T + 5 * minute}`, ["b"]],
    [`?started_at_end_date=${T + 5 * minute}`, ["a"]],
    [`?started_at_start_date=${T + 4 * minute}&started_at_end_date=${T + 5 * minute}`, ["a"]],
    ["?participant_count_range_gte=1", ["c", "b"]],
    ["?participant_count_range_gte=2", ["c"]],
    ["?participant_count_range_lte=1", ["d", "b", "a"]],
    ["?participant_count_range_gte=1&participant_count_range_lte=1", ["b"]],
    ["?participant_count_gte=1", ["c", "b"]],
    ["?participant_count_gte=2", ["c"]],
    ["?participant_count_lte=0", ["d", "a"]],
    ["?participant_count_gte=1&participant_count_lte=1", ["b"]],
    ["?types=live_event_for_audio_only", ["c"]],
    ["?types=live_event_for_video", ["d", "b", "a"]],
    ["?types=live_event_for_video,live_event_for_audio_only", ["d", "c", "b", "a"]],
    ["?host_type=single_host", ["d", "c", "b", "a"]],
    ["?created_by_user_ids=host-alice", ["a"]],
    ["?created_by_user_ids=host-bob,host-alice", ["c", "a"]],
    ["?created_by_user_ids=nobody", []],
    [`?duration_range_gte=1`, ["a"]],
    ["?state=ready,ongoing&types=live_event_for_video", ["b"]],
    ["?state=ongoing,ended&participant_count_gte=1&limit=1", ["b"]],
  ] as const)("GET /v1/live-events%s keeps the matching events, newest first", async (query, expected) => {
    const w = await world();
    expect((await listEvents(query)).ids).toEqual(expected.map((k) => w[k]));
  });

  test("live_event_ids keeps the named events in list order, whatever order they are named in", async () => {
    const w = await world();
    expect((await listEvents(`?live_event_ids=${w.a},${w.c},unknown-id`)).ids).toEqual([w.c, w.a]);
    expect((await listEvents(`?live_event_ids=${encodeURIComponent(`${w.d},${w.b}`)}`)).ids).toEqual([w.d, w.b]);
  });

  test.each([
    ["?host_type=single_host", ["single"]],
    ["?host_type=multiple_host", ["multiple"]],
    ["?host_type=single_host_audio_only", ["audio"]],
    ["?host_type=single_host,single_host_audio_only", ["audio", "single"]],
    ["?host_type=multiple_host%2Csingle_host", ["multiple", "single"]],
    ["?host_type=single_host,multiple_host,single_host_audio_only", ["audio", "multiple", "single"]],
    ["?host_types=multiple_host", ["multiple"]],
    ["?host_types=single_host_audio_only,multiple_host", ["audio", "multiple"]],
  ] as const)("GET /v1/live-events%s keeps the events of any of those host types", async (query, expected) => {
    const single = (await createEvent({ host_type: "single_host" })).live_event_id;
    await advance(t, minute);
    const multiple = (await createEvent({ host_type: "multiple_host" })).live_event_id;
    await advance(t, minute);
    const audio = (await createEvent({ host_type: "single_host_audio_only" })).live_event_id;
    const ids = { single, multiple, audio };
    expect((await listEvents(query)).ids).toEqual(expected.map((k) => ids[k]));
  });

  test("keeps filters while paging", async () => {
    const w = await world();
    const first = await listEvents("?state=created,ready,ended&limit=2");
    expect(first.ids).toEqual([w.d, w.c]);
    const second = await listEvents(`?state=created,ready,ended&limit=2&next=${encodeURIComponent(first.next ?? "")}`);
    expect(second).toMatchObject({ ids: [w.a], next: null });
  });
});

describe("PUT /v1/live-events/{live_event_id}", () => {
  test("updates title, cover_url and host candidates and keeps the rest", async () => {
    const event = await createEvent({ title: "Spring launch", custom_items: { k: "v" } });
    await advance(t, minute);
    const res = await t.call("PUT", `/v1/live-events/${event.live_event_id}`, {
      body: { title: "Spring launch (v2)", cover_url: "https://cdn.example.com/spring2.png", user_ids_for_host: ["host-alice", "host-bob"] },
    });
    expect(res.status).toBe(200);
    const updated = liveEventEnvelopeSchema.parse(res.json).live_event;
    expect(updated).toEqual({
      ...event,
      title: "Spring launch (v2)",
      cover_url: "https://cdn.example.com/spring2.png",
      user_ids_for_host: ["host-alice", "host-bob"],
    });
    expect(await getEvent(event.live_event_id)).toEqual(updated);
  });

  test("leaves fields that are not sent as they were", async () => {
    const event = await createEvent({ title: "Keep", cover_url: "https://example.com/keep.png" });
    const res = await t.call("PUT", `/v1/live-events/${event.live_event_id}`, { body: {} });
    expect(liveEventEnvelopeSchema.parse(res.json).live_event).toEqual(event);
  });

  test("accepts a multipart body with comma-separated host ids", async () => {
    const event = await createEvent();
    const options = await multipart({ user_ids_for_host: `${encodeURIComponent("x@y.z")},b`, title: "Form" });
    const res = await t.call("PUT", `/v1/live-events/${event.live_event_id}`, options);
    expect(res.status).toBe(200);
    expect(liveEventEnvelopeSchema.parse(res.json).live_event).toMatchObject({ user_ids_for_host: ["x@y.z", "b"], title: "Form" });
  });

  test.each([
    ["a 191-character title", { title: "t".repeat(191) }],
    ["a 2048-character cover_url", { cover_url: "c".repeat(2048) }],
    ["ten host ids", { user_ids_for_host: ten }],
  ])("accepts %s", async (_name, body) => {
    const event = await createEvent();
    const res = await t.call("PUT", `/v1/live-events/${event.live_event_id}`, { body });
    expect(res.status).toBe(200);
    expect(liveEventEnvelopeSchema.parse(res.json).live_event).toMatchObject(body);
  });

  test.each([
    ["a 192-character title", { title: "t".repeat(192) }, 400100],
    ["a 2049-character cover_url", { cover_url: "c".repeat(2049) }, 400100],
    ["no host ids", { user_ids_for_host: [] }, 400100],
    ["eleven host ids", { user_ids_for_host: eleven }, 400100],
    ["an 81-character host id", { user_ids_for_host: ["u".repeat(81)] }, 400100],
    ["a new type", { type: "live_event_for_audio_only" }, 400100],
    ["the same type again", { type: "live_event_for_video" }, 400100],
    ["a new host_type", { host_type: "single_host_audio_only" }, 400100],
    ["a new live_event_type", { live_event_type: "live_event_for_audio_only" }, 400100],
  ])("refuses %s and changes nothing", async (_name, body, code) => {
    const event = await createEvent({ title: "Original" });
    expectCallsError(await t.call("PUT", `/v1/live-events/${event.live_event_id}`, { body: { title: "Changed", ...body } }), 400, code, "INVALID_PARAMS");
    expect(await getEvent(event.live_event_id)).toEqual(event);
  });

  test("refuses an unknown id with HTTP 400 code 400200", async () => {
    expectCallsError(await t.call("PUT", "/v1/live-events/nope", { body: { title: "x" } }), 400, 400200, "NOT_FOUND");
  });

  test("refuses an ended event with HTTP 401 code 401120", async () => {
    const event = await createEvent({ title: "Done" });
    const ended = await endEvent(event.live_event_id);
    expectCallsError(await t.call("PUT", `/v1/live-events/${event.live_event_id}`, { body: { title: "Again" } }), 401, 401120, "NOT_ALLOWED");
    expect(await getEvent(event.live_event_id)).toEqual(ended);
  });
});

describe("POST ready, POST start and DELETE (end)", () => {
  test("moves an event from created to ready to ongoing to ended, stamping each step", async () => {
    const event = await createEvent();
    const id = event.live_event_id;
    await advance(t, minute);
    expect(await act(id, "ready")).toMatchObject({ state: "ready", set_ready_at: testNow + minute, started_at: null, set_ready_by: "" });
    await advance(t, minute);
    expect(await act(id, "start")).toMatchObject({ state: "ongoing", set_ready_at: testNow + minute, started_at: testNow + 2 * minute, started_by: "" });
    await advance(t, minute);
    const ended = await endEvent(id);
    expect(ended).toMatchObject({ state: "ended", ended_at: testNow + 3 * minute, duration: 3 * minute, ended_by: "" });
    expect(await getEvent(id)).toEqual(ended);
  });

  test.each([
    ["POST", "/ready"],
    ["POST", "/start"],
    ["DELETE", ""],
  ])("%s …%s on an unknown event is HTTP 400 code 400200 NOT_FOUND", async (method, suffix) => {
    expectCallsError(await t.call(method, `/v1/live-events/nope${suffix}`, { body: method === "POST" ? {} : undefined }), 400, 400200, "NOT_FOUND");
  });

  test.each([
    ["start a created event", ["start"]],
    ["set an ongoing event ready", ["ready", "start", "ready"]],
    ["end an ended event", ["end", "end"]],
  ] as const)("refuses to %s with HTTP 401 code 401120 NOT_ALLOWED", async (_name, steps) => {
    const id = (await createEvent()).live_event_id;
    const call = (step: "ready" | "start" | "end") =>
      step === "end" ? t.call("DELETE", `/v1/live-events/${id}`) : t.call("POST", `/v1/live-events/${id}/${step}`, { body: {} });
    for (const step of steps.slice(0, -1)) expect((await call(step)).status).toBe(200);
    const before = await getEvent(id);
    const last = steps[steps.length - 1] ?? "end";
    expectCallsError(await call(last), 401, 401120, "NOT_ALLOWED");
    expect(await getEvent(id)).toEqual(before);
  });
});

describe("GET /v1/live-events/{live_event_id}/hosts", () => {
  async function hosts(id: string) {
    const res = await t.call("GET", `/v1/live-events/${id}/hosts`);
    expect(res.status).toBe(200);
    expect(Object.keys(res.json)).toEqual(["host"]);
    return hostsResponseSchema.parse(res.json);
  }

  test("answers host null, and nothing else, before anyone enters", async () => {
    const event = await createEvent();
    expect(await hosts(event.live_event_id)).toEqual({ host: null });
  });

  test("returns the first host in the event, then the next one once the first exits, then null", async () => {
    await createUsers(t, "host-alice", "host-bob");
    const event = await createEvent({ user_ids_for_host: ["host-alice", "host-bob"] });
    const id = event.live_event_id;
    const alice = await enterHost(id, "host-alice");
    await advance(t, 1000);
    const bob = await enterHost(id, "host-bob");

    expect((await hosts(id)).host).toMatchObject({
      host_id: alice,
      live_event_id: id,
      state: "entered",
      entered_at: testNow,
      connected_at: null,
      disconnected_at: null,
      exited_at: null,
      duration: 0,
      is_audio_on: true,
      is_video_on: true,
      user: { user_id: "host-alice", nickname: "HOST-ALICE", profile_url: "", is_active: true, role: null },
    });
    expect((await getEvent(id)).hosts?.map((h) => h.host_id)).toEqual([alice, bob]);

    await advance(t, 1000);
    expect((await t.control("POST", `/live-events/${id}/hosts/${alice}/connect`)).status).toBe(200);
    expect((await hosts(id)).host).toMatchObject({ host_id: alice, state: "connected", connected_at: testNow + 2000 });
    await advance(t, 1000);
    expect((await t.control("POST", `/live-events/${id}/hosts/${alice}/disconnect`)).status).toBe(200);
    expect((await hosts(id)).host).toMatchObject({ host_id: alice, state: "disconnected", disconnected_at: testNow + 3000 });
    expect((await t.control("POST", `/live-events/${id}/hosts/${alice}/exit`)).status).toBe(200);

    expect((await hosts(id)).host).toMatchObject({ host_id: bob, state: "entered", entered_at: testNow + 1000 });
    expect((await getEvent(id)).hosts?.map((h) => h.host_id)).toEqual([bob]);

    expect((await t.control("POST", `/live-events/${id}/hosts/${bob}/exit`)).status).toBe(200);
    expect(await hosts(id)).toEqual({ host: null });
    expect(await getEvent(id)).toMatchObject({ host: null, hosts: [] });
  });

  test("answers host null after the event ends, which forces every host out", async () => {
    await createUsers(t, "host-alice");
    const id = (await createEvent()).live_event_id;
    await act(id, "ready");
    await act(id, "start");
    await enterHost(id, "host-alice");
    expect((await hosts(id)).host?.user.user_id).toBe("host-alice");
    await endEvent(id);
    expect(await hosts(id)).toEqual({ host: null });
  });

  test("marks an ongoing event as streaming while a host is connected", async () => {
    await createUsers(t, "host-alice");
    const id = (await createEvent()).live_event_id;
    await act(id, "ready");
    await act(id, "start");
    const host = await enterHost(id, "host-alice");
    expect((await getEvent(id)).is_host_streaming).toBe(false);
    await t.control("POST", `/live-events/${id}/hosts/${host}/connect`);
    expect((await getEvent(id)).is_host_streaming).toBe(true);
    await t.control("POST", `/live-events/${id}/hosts/${host}/disconnect`);
    expect((await getEvent(id)).is_host_streaming).toBe(false);
  });

  test("shows a host's new nickname in the host, the event and the list", async () => {
    await createUsers(t, "host-alice");
    const id = (await createEvent()).live_event_id;
    await enterHost(id, "host-alice");
    expect((await listEvents("")).events[0]?.host?.user.nickname).toBe("HOST-ALICE");
    expect((await t.call("PUT", "/v3/users/host-alice", { body: { nickname: "Alice" } })).status).toBe(200);
    expect((await hosts(id)).host?.user.nickname).toBe("Alice");
    expect((await getEvent(id)).host?.user.nickname).toBe("Alice");
    expect((await listEvents("")).events[0]?.host?.user.nickname).toBe("Alice");
  });

  test("gives an audio-only event's hosts no video", async () => {
    await createUsers(t, "host-alice");
    const id = (await createEvent({ type: "live_event_for_audio_only" })).live_event_id;
    await enterHost(id, "host-alice");
    expect((await hosts(id)).host).toMatchObject({ is_audio_on: true, is_video_on: false });
  });

  test("is HTTP 400 code 400200 for an unknown event", async () => {
    expectCallsError(await t.call("GET", "/v1/live-events/nope/hosts"), 400, 400200, "NOT_FOUND");
  });
});

describe("GET /v1/live-events/{live_event_id}/participants", () => {
  async function participants(id: string, query = "") {
    const res = await t.call("GET", `/v1/live-events/${id}/participants${query}`);
    expect(res.status).toBe(200);
    return participantListSchema.parse(res.json);
  }

  async function readyEvent(): Promise<string> {
    const id = (await createEvent()).live_event_id;
    await act(id, "ready");
    return id;
  }

  test("lists every entry newest first, with state and duration", async () => {
    await createUsers(t, "v1", "v2");
    const id = await readyEvent();
    await join(id, { user_ids: ["v1"] });
    await advance(t, 1000);
    await join(id, { user_ids: ["v2"] });
    await advance(t, 4000);
    expect((await t.control("POST", `/live-events/${id}/participants/leave`, { user_ids: ["v1"] })).status).toBe(200);
    const page = await participants(id);
    expect(page).toMatchObject({ prev: null, next: null });
    expect(page.participants).toMatchObject([
      { live_event_id: id, state: "entered", entered_at: testNow + 1000, exited_at: null, duration: 0, user: { user_id: "v2", nickname: "V2" } },
      { live_event_id: id, state: "exited", entered_at: testNow, exited_at: testNow + 5000, duration: 5000, user: { user_id: "v1" } },
    ]);
    expect(page.participants[0]?.participant_id).not.toBe(page.participants[1]?.participant_id);
  });

  test("pages forward with next and back with prev", async () => {
    const users = ["v1", "v2", "v3", "v4", "v5"];
    await createUsers(t, ...users);
    const id = await readyEvent();
    for (const user of users) {
      await join(id, { user_ids: [user] });
      await advance(t, 1000);
    }
    const who = (page: { participants: { user: { user_id: string } }[] }) => page.participants.map((p) => p.user.user_id);
    const p1 = await participants(id, "?limit=2");
    expect({ users: who(p1), prev: p1.prev }).toEqual({ users: ["v5", "v4"], prev: null });
    const p2 = await participants(id, `?limit=2&next=${encodeURIComponent(p1.next ?? "")}`);
    expect(who(p2)).toEqual(["v3", "v2"]);
    const p3 = await participants(id, `?limit=2&next=${encodeURIComponent(p2.next ?? "")}`);
    expect({ users: who(p3), next: p3.next }).toEqual({ users: ["v1"], next: null });
    const back = await participants(id, `?limit=2&prev=${encodeURIComponent(p3.prev ?? "")}`);
    expect(who(back)).toEqual(["v3", "v2"]);
    const start = await participants(id, `?limit=2&prev=${encodeURIComponent(back.prev ?? "")}`);
    expect({ users: who(start), prev: start.prev }).toEqual({ users: ["v5", "v4"], prev: null });
  });

  test("pages through many participants who entered at the same instant, each exactly once", async () => {
    const users = Array.from({ length: 25 }, (_, i) => `viewer-${i}`);
    await createUsers(t, ...users);
    const id = await readyEvent();
    await join(id, { count: 25 });
    const seen: string[] = [];
    let query = "?limit=10";
    for (let pages = 0; pages < 10; pages += 1) {
      const page = await participants(id, query);
      seen.push(...page.participants.map((p) => p.participant_id));
      if (!page.next) break;
      query = `?limit=10&next=${encodeURIComponent(page.next)}`;
    }
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
  });

  test("returns 10 participants by default", async () => {
    await createUsers(t, ...Array.from({ length: 12 }, (_, i) => `viewer-${i}`));
    const id = await readyEvent();
    await join(id, { count: 12 });
    expect((await participants(id)).participants).toHaveLength(10);
    expect((await participants(id, "?limit=100")).participants).toHaveLength(12);
  });

  test.each([["?limit=0"], ["?limit=101"], ["?limit=abc"], ["?next=garbage"], ["?prev=garbage"]])("refuses %s with HTTP 400 code 400100", async (query) => {
    const id = await readyEvent();
    expectCallsError(await t.call("GET", `/v1/live-events/${id}/participants${query}`), 400, 400100, "INVALID_PARAMS");
  });

  test("refuses a page token of another event's participants", async () => {
    await createUsers(t, "v1", "v2");
    const a = await readyEvent();
    const b = await readyEvent();
    await join(a, { user_ids: ["v1", "v2"] });
    await join(b, { user_ids: ["v1", "v2"] });
    const page = await participants(a, "?limit=1");
    expectCallsError(await t.call("GET", `/v1/live-events/${b}/participants?limit=1&next=${encodeURIComponent(page.next ?? "")}`), 400, 400100);
  });

  test("is HTTP 400 code 400200 for an unknown event", async () => {
    expectCallsError(await t.call("GET", "/v1/live-events/nope/participants"), 400, 400200, "NOT_FOUND");
  });
});

describe("/v1/live-events/{live_event_id}/custom-items", () => {
  // Custom items change through the Live SDK; the Platform API docs have no such endpoint.
  test.each([
    ["GET", undefined],
    ["PUT", { custom_items: { a: "changed" } }],
    ["DELETE", {}],
  ])("%s is not a Platform API endpoint: HTTP 400 code 400200, and the items stay", async (method, body) => {
    const event = await createEvent({ custom_items: { a: "1" } });
    await act(event.live_event_id, "ready");
    await act(event.live_event_id, "start");
    const res = await t.call(method, `/v1/live-events/${event.live_event_id}/custom-items`, { body });
    expectCallsError(res, 400, 400200, "NOT_FOUND");
    expect(res.headers.get("allow")).toBeNull();
    expect((await getEvent(event.live_event_id)).custom_items).toEqual({ a: "1" });
  });
});

describe("PUT and DELETE /__emulator/live-events/{live_event_id}/custom-items", () => {
  function expectControlError(res: CallResult, status: number, code: string): void {
    expect({ status: res.status, body: res.json }).toEqual({ status, body: { error: { code, message: expect.any(String) } } });
  }

  /** An event on air, which is when a host's Live SDK can change its custom items. */
  async function onAirWithItems(items: Record<string, string>): Promise<string> {
    const id = (await createEvent({ custom_items: items })).live_event_id;
    await act(id, "ready");
    await act(id, "start");
    return id;
  }

  const items = async (id: string): Promise<Record<string, string>> => (await getEvent(id)).custom_items ?? {};
  const put = (id: string, body: unknown) => t.control("PUT", `/live-events/${id}/custom-items`, body);
  const del = (id: string, body: unknown) => t.control("DELETE", `/live-events/${id}/custom-items`, body);

  test.each([
    ["mode upsert", "upsert", { a: "1", b: "two", c: "3" }],
    ["no mode (upsert)", undefined, { a: "1", b: "two", c: "3" }],
    ["mode replace", "replace", { b: "two", c: "3" }],
  ])("PUT with %s sets the items and names the updated keys", async (_name, mode, expected) => {
    const id = await onAirWithItems({ a: "1", b: "2" });
    await advance(t, minute);
    const res = await put(id, { custom_items: { b: "two", c: "3" }, mode });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ custom_items: expected, updated_keys: ["b", "c"], updated_at: testNow + minute });
    expect(await items(id)).toEqual(expected);
  });

  test("PUT accepts ten items with 128-character keys and values", async () => {
    const id = await onAirWithItems({});
    const ten128 = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`${i}`.padEnd(128, "k"), "v".repeat(128)]));
    expect((await put(id, { custom_items: ten128 })).status).toBe(200);
    expect(await items(id)).toEqual(ten128);
  });

  test.each([
    ["no custom_items", { mode: "upsert" }, "missing"],
    ["an unknown mode", { custom_items: { k: "v" }, mode: "merge" }, "invalid"],
    ["a number value", { custom_items: { k: 1 } }, "invalid"],
    ["custom_items as a list", { custom_items: ["k"] }, "invalid"],
    ["a comma in a key", { custom_items: { "a,b": "v" } }, "invalid"],
    ["a 129-character key", { custom_items: { ["k".repeat(129)]: "v" } }, "invalid"],
    ["a 129-character value", { custom_items: { k: "v".repeat(129) } }, "invalid"],
    ["eleven items", { custom_items: Object.fromEntries(eleven.map((k) => [k, "v"])) }, "too_many"],
    ["an upsert that would make eleven items", { custom_items: Object.fromEntries(ten.map((k) => [k, "v"])) }, "too_many"],
  ])("PUT refuses %s with 400 and changes nothing", async (_name, body, code) => {
    const id = await onAirWithItems({ keep: "me" });
    expectControlError(await put(id, body), 400, code);
    expect(await items(id)).toEqual({ keep: "me" });
  });

  test.each([
    ["a JSON array of keys", ["a", "b"], { c: "3" }, ["a", "b"]],
    ["{keys: [...]}", { keys: ["a"] }, { b: "2", c: "3" }, ["a"]],
    ["{keys: []}", { keys: [] }, { a: "1", b: "2", c: "3" }, []],
    ["{} (every item)", {}, {}, ["a", "b", "c"]],
    ["no body (every item)", undefined, {}, ["a", "b", "c"]],
  ])("DELETE with %s deletes those items, names them and says when", async (_name, body, left, deleted) => {
    const id = await onAirWithItems({ a: "1", b: "2", c: "3" });
    await advance(t, minute);
    const res = await del(id, body);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ custom_items: left, deleted_keys: deleted, deleted_at: testNow + minute });
    expect(await items(id)).toEqual(left);
  });

  test.each([
    ["keys as a string", { keys: "a" }],
    ["a key that is not a string", [1]],
    ["eleven keys", eleven],
    ["a bare string body", "a"],
    ["a number body", 5],
    ["a null body", null],
  ])("DELETE refuses %s with 400 and deletes nothing", async (_name, body) => {
    const id = await onAirWithItems({ a: "1" });
    expectControlError(await del(id, body), 400, "invalid");
    expect(await items(id)).toEqual({ a: "1" });
  });

  test.each(["created", "ready", "ended"] as const)("PUT and DELETE refuse a %s event with 409 not_allowed and change nothing", async (state) => {
    const id = (await createEvent({ custom_items: { a: "1" } })).live_event_id;
    if (state === "ready") await act(id, "ready");
    if (state === "ended") {
      await act(id, "ready");
      await act(id, "start");
      await endEvent(id);
    }
    const before = await getEvent(id);
    expect(before.state).toBe(state);
    expectControlError(await put(id, { custom_items: { b: "2" } }), 409, "not_allowed");
    expectControlError(await del(id, { keys: ["a"] }), 409, "not_allowed");
    expectControlError(await del(id, {}), 409, "not_allowed");
    expect(await getEvent(id)).toEqual(before);
  });

  test("an event takes changes once it starts and none once it ends", async () => {
    const id = (await createEvent({ custom_items: { a: "1" } })).live_event_id;
    await act(id, "ready");
    expectControlError(await put(id, { custom_items: { b: "2" } }), 409, "not_allowed");
    await act(id, "start");
    expect((await put(id, { custom_items: { b: "2" } })).status).toBe(200);
    await endEvent(id);
    expectControlError(await put(id, { custom_items: { c: "3" } }), 409, "not_allowed");
    expect(await items(id)).toEqual({ a: "1", b: "2" });
  });

  test.each([
    ["PUT", { custom_items: { a: "1" } }],
    ["DELETE", {}],
  ])("%s on an unknown event is 404 not_found", async (method, body) => {
    expectControlError(await t.control(method, "/live-events/nope/custom-items", body), 404, "not_found");
  });
});

describe("a live event's cloud_recordings", () => {
  async function onAir(body: Record<string, unknown> = {}): Promise<string> {
    const id = (await createEvent(body)).live_event_id;
    await act(id, "ready");
    await act(id, "start");
    return id;
  }

  test("carry target_event_type live, the event's id, a duration of 0 and no bytes until the recording stops", async () => {
    const id = await onAir();
    const added = await t.control("POST", `/live-events/${id}/recordings`, { status: "recording" });
    expect(added.status).toBe(200);
    const recordingId: string = added.json.recording.recording_id;
    expect((await getEvent(id)).cloud_recordings).toEqual([
      {
        recording_id: recordingId,
        target_event_type: "live",
        live_event_id: id,
        status: "recording",
        started_at: testNow,
        stopped_at: null,
        duration: 0,
        byte_size: 0,
        media_type: "video",
      },
    ]);
  });

  test("give a stopped recording its duration and a whole number of bytes that grows with its length", async () => {
    const id = await onAir();
    const short = (await t.control("POST", `/live-events/${id}/recordings`, { status: "recording" })).json.recording.recording_id;
    const long = (await t.control("POST", `/live-events/${id}/recordings`, { status: "recording" })).json.recording.recording_id;
    await advance(t, minute);
    expect((await t.control("PUT", `/recordings/${short}`, { status: "completed" })).status).toBe(200);
    await advance(t, minute);
    expect((await t.control("PUT", `/recordings/${long}`, { status: "failed" })).status).toBe(200);
    const [first, second] = (await getEvent(id)).cloud_recordings ?? [];
    expect(first).toMatchObject({ recording_id: short, status: "completed", stopped_at: testNow + minute, duration: minute });
    expect(second).toMatchObject({ recording_id: long, status: "failed", stopped_at: testNow + 2 * minute, duration: 2 * minute });
    expect(Number.isInteger(first?.byte_size)).toBe(true);
    expect(Number.isInteger(second?.byte_size)).toBe(true);
    expect(first?.byte_size).toBeGreaterThan(0);
    expect(second?.byte_size).toBeGreaterThan(first?.byte_size ?? 0);
  });

  test.each([
    ["a video event", { type: "live_event_for_video" }, "video"],
    ["an audio-only event", { type: "live_event_for_audio_only" }, "audio"],
    ["a single_host_audio_only event", { host_type: "single_host_audio_only" }, "audio"],
  ])("name the media_type of %s", async (_name, body, mediaType) => {
    const id = await onAir(body);
    expect((await t.control("POST", `/live-events/${id}/recordings`, {})).status).toBe(200);
    expect((await getEvent(id)).cloud_recordings?.map((r) => r.media_type)).toEqual([mediaType]);
  });
});
