import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { callCustomItemsUpdateSchema, directCallEnvelopeSchema, directCallListSchema } from "@/lib/sendbird/schemas";
import type { DirectCall, EndResult } from "@/lib/sendbird/schemas";
import { createUsers, expectCallsError, startTestEmulator, testNow } from "../testing/harness";
import type { TestEmulator } from "../testing/harness";

const minute = 60_000;
const hour = 60 * minute;

let t: TestEmulator;
beforeEach(async () => {
  t = await startTestEmulator();
});
afterEach(() => t.close());

interface CallSpec {
  caller_id?: string;
  callee_id?: string;
  end_result?: EndResult;
  duration?: number;
  is_video_call?: boolean;
  started_at?: number;
}

async function makeCall(spec: CallSpec = {}): Promise<DirectCall> {
  const res = await t.control("POST", "/direct-calls", { caller_id: "alice", callee_id: "bob", end_result: "completed", ...spec });
  expect(res.status).toBe(200);
  return directCallEnvelopeSchema.parse(res.json).call;
}

async function listCalls(query: string): Promise<{ ids: string[]; next: string | null | undefined; has_next: boolean }> {
  const res = await t.call("GET", `/v1/direct_calls${query}`);
  expect(res.status).toBe(200);
  const page = directCallListSchema.parse(res.json);
  return { ids: page.calls.map((c) => c.call_id), next: page.next, has_next: page.has_next };
}

async function getCall(id: string): Promise<DirectCall> {
  const res = await t.call("GET", `/v1/direct_calls/${encodeURIComponent(id)}`);
  expect(res.status).toBe(200);
  return directCallEnvelopeSchema.parse(res.json).call;
}

describe("GET /v1/direct_calls", () => {
  /** Four calls an hour apart, newest first: declined (-1h), no_answer (-2h), completed 30 s (-3h), completed 5 min (-4h). */
  async function fourCalls() {
    await createUsers(t, "alice", "bob");
    const long = await makeCall({ end_result: "completed", duration: 5 * minute, started_at: testNow - 4 * hour });
    const short = await makeCall({ end_result: "completed", duration: 30_000, started_at: testNow - 3 * hour });
    const missed = await makeCall({ end_result: "no_answer", started_at: testNow - 2 * hour });
    const declined = await makeCall({ end_result: "declined", started_at: testNow - hour, callee_id: "alice", caller_id: "bob" });
    return { long: long.call_id, short: short.call_id, missed: missed.call_id, declined: declined.call_id };
  }

  test("lists every call newest first with has_next false on one page", async () => {
    const c = await fourCalls();
    expect(await listCalls("")).toEqual({ ids: [c.declined, c.missed, c.short, c.long], next: null, has_next: false });
  });

  test.each([
    ["completed", ["short", "long"]],
    ["declined", ["declined"]],
    ["completed,no_answer", ["missed", "short", "long"]],
    ["declined,no_answer,completed", ["declined", "missed", "short", "long"]],
    ["canceled", []],
    ["timed_out,unknown", []],
  ] as const)("filters end_result=%s to the calls with those end results", async (filter, expected) => {
    const c = await fourCalls();
    const { ids } = await listCalls(`?end_result=${encodeURIComponent(filter)}`);
    expect(ids).toEqual(expected.map((k) => c[k]));
  });

  test.each([
    ["prev", ["missed", "short", "long"]],
    ["next", ["declined", "missed"]],
  ] as const)("call_ts with search_scope_from_call_ts=%s keeps the calls on that side, the reference call included", async (scope, expected) => {
    const c = await fourCalls();
    const { ids } = await listCalls(`?call_ts=${testNow - 2 * hour}&search_scope_from_call_ts=${scope}`);
    expect(ids).toEqual(expected.map((k) => c[k]));
  });

  test("call_ts alone looks back (prev) by default", async () => {
    const c = await fourCalls();
    expect((await listCalls(`?call_ts=${testNow - 3 * hour}`)).ids).toEqual([c.short, c.long]);
  });

  test.each([
    ["?duration_range_min=60000", ["long"]],
    ["?duration_range_min=30000", ["short", "long"]],
    ["?duration_range_max=30000", ["declined", "missed", "short"]],
    ["?duration_range_max=0", ["declined", "missed"]],
    ["?duration_range_min=1&duration_range_max=60000", ["short"]],
    ["?duration_range_min=300001", []],
  ] as const)("duration filter %s bounds the talk time in ms, inclusive", async (query, expected) => {
    const c = await fourCalls();
    expect((await listCalls(query)).ids).toEqual(expected.map((k) => c[k]));
  });

  test("walks every page with limit and next until has_next is false", async () => {
    await createUsers(t, "alice", "bob");
    const created: string[] = [];
    for (let i = 0; i < 7; i += 1) created.unshift((await makeCall({ started_at: testNow - (10 - i) * minute })).call_id);
    const seen: string[] = [];
    const pageSizes: number[] = [];
    let query = "?limit=3";
    for (;;) {
      const page = await listCalls(query);
      seen.push(...page.ids);
      pageSizes.push(page.ids.length);
      if (!page.has_next) {
        expect(page.next).toBeNull();
        break;
      }
      expect(page.next).toEqual(expect.any(String));
      query = `?limit=3&next=${encodeURIComponent(page.next ?? "")}`;
    }
    expect(pageSizes).toEqual([3, 3, 1]);
    expect(seen).toEqual(created);
  });

  test("keeps filters while paging", async () => {
    await createUsers(t, "alice", "bob");
    const completed: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const call = await makeCall({ end_result: i % 2 === 0 ? "completed" : "canceled", started_at: testNow - (10 - i) * minute });
      if (i % 2 === 0) completed.unshift(call.call_id);
    }
    const first = await listCalls("?end_result=completed&limit=2");
    expect(first.has_next).toBe(true);
    const second = await listCalls(`?end_result=completed&limit=2&next=${encodeURIComponent(first.next ?? "")}`);
    expect([...first.ids, ...second.ids]).toEqual(completed);
    expect(second.has_next).toBe(false);
  });

  test("returns 10 calls by default", async () => {
    await createUsers(t, "alice", "bob");
    for (let i = 0; i < 12; i += 1) await makeCall({ started_at: testNow - i * minute });
    const page = await listCalls("");
    expect(page.ids).toHaveLength(10);
    expect(page.has_next).toBe(true);
  });

  test.each([
    ["?limit=0"],
    ["?limit=101"],
    ["?limit=ten"],
    ["?end_result=hung_up"],
    ["?search_scope_from_call_ts=sideways&call_ts=1"],
    ["?call_ts=yesterday"],
    ["?duration_range_min=-1"],
    ["?next=not-a-token"],
  ])("refuses %s with HTTP 400 code 400100", async (query) => {
    expectCallsError(await t.call("GET", `/v1/direct_calls${query}`), 400, 400100);
  });

  test("refuses a page token of another list", async () => {
    await createUsers(t, "alice", "bob");
    for (let i = 0; i < 3; i += 1) await makeCall({ started_at: testNow - i * minute });
    const res = await t.call("GET", "/v1/users/alice/calls?limit=1");
    expectCallsError(await t.call("GET", `/v1/direct_calls?next=${encodeURIComponent(res.json.next)}`), 400, 400100);
  });
});

describe("GET /v1/direct_calls/{call_id}", () => {
  test("returns the call in a {call} envelope with caller and callee roles", async () => {
    await createUsers(t, "alice", "bob");
    const made = await makeCall({ end_result: "completed", duration: 42_000, is_video_call: true, started_at: testNow - hour });
    const call = await getCall(made.call_id);
    expect(call).toMatchObject({
      call_id: made.call_id,
      call_type: "direct",
      is_video_call: true,
      end_result: "completed",
      end_result_ex: "completed",
      started_by: "alice",
      started_at: testNow - hour,
      duration: 42_000,
      custom_items: {},
    });
    expect(call.participants.map((p) => [p.user_id, p.role])).toEqual([
      ["alice", "dc_caller"],
      ["bob", "dc_callee"],
    ]);
    expect(call.ended_at).toBeGreaterThan(call.started_at ?? 0);
    expect(call.user_role).toBeUndefined();
  });

  test.each(["no_answer", "declined", "connection_lost"] as const)("repeats end_result %s as end_result_ex", async (endResult) => {
    await createUsers(t, "alice", "bob");
    const made = await makeCall({ end_result: endResult });
    expect(await getCall(made.call_id)).toMatchObject({ end_result: endResult, end_result_ex: endResult });
  });

  test("gives each participant its metadata as meta_data, as the Calls SDK reads it, and no metadata field", async () => {
    const alice = await t.call("POST", "/v3/users", { body: { user_id: "alice", nickname: "Alice", profile_url: "", metadata: { team: "support" } } });
    expect(alice.status).toBe(200);
    await createUsers(t, "bob");
    const made = await makeCall();
    const res = await t.call("GET", `/v1/direct_calls/${made.call_id}`);
    expect(res.status).toBe(200);
    const [caller, callee] = res.json.call.participants;
    expect(caller).toMatchObject({ user_id: "alice", role: "dc_caller", meta_data: { team: "support" } });
    expect(callee).toMatchObject({ user_id: "bob", role: "dc_callee", meta_data: {} });
    expect(caller).not.toHaveProperty("metadata");
    expect(callee).not.toHaveProperty("metadata");
  });

  test("carries the same call in the lists as on its own", async () => {
    await createUsers(t, "alice", "bob");
    const made = await makeCall();
    const alone = (await t.call("GET", `/v1/direct_calls/${made.call_id}`)).json.call;
    expect((await t.call("GET", "/v1/direct_calls")).json.calls).toEqual([alone]);
    expect((await t.call("GET", "/v1/users/alice/calls")).json.calls).toEqual([{ ...alone, user_role: "dc_caller" }]);
  });

  test.each([
    ["a video call", true, "call_video"],
    ["a voice call", false, "call_audio"],
  ])("lists a recording of %s as %s with the call's id", async (_name, video, targetType) => {
    await createUsers(t, "alice", "bob");
    const made = await makeCall({ is_video_call: video, duration: 42_000, started_at: testNow - hour });
    const added = await t.control("POST", `/direct-calls/${made.call_id}/recordings`, {});
    expect(added.status).toBe(200);
    const call = await getCall(made.call_id);
    expect(call.cloud_recordings).toEqual([
      {
        recording_id: added.json.recording.recording_id,
        target_event_type: targetType,
        call_id: made.call_id,
        status: "completed",
        started_at: call.started_at,
        stopped_at: call.ended_at,
        duration: (call.ended_at ?? 0) - (call.started_at ?? 0),
      },
    ]);
  });

  test("gives a recording that is still going a duration of 0", async () => {
    await createUsers(t, "alice", "bob");
    const made = await makeCall();
    expect((await t.control("POST", `/direct-calls/${made.call_id}/recordings`, { status: "recording" })).status).toBe(200);
    expect((await getCall(made.call_id)).cloud_recordings).toEqual([expect.objectContaining({ status: "recording", stopped_at: null, duration: 0 })]);
  });

  test("answers an unknown call with HTTP 400 code 400200 NOT_FOUND", async () => {
    const res = await t.call("GET", "/v1/direct_calls/00000000-0000-4000-8000-000000000000");
    expectCallsError(res, 400, 400200);
    expect(res.json.type).toBe("NOT_FOUND");
  });

  test("answers without a token with HTTP 401 code 401121", async () => {
    expectCallsError(await t.call("GET", "/v1/direct_calls/x", { token: null }), 401, 401121);
  });
});

describe("PUT and DELETE /v1/direct_calls/{call_id}/custom_items", () => {
  async function callWithItems(items: Record<string, string>): Promise<string> {
    await createUsers(t, "alice", "bob");
    const call = await makeCall();
    if (Object.keys(items).length > 0) {
      const res = await t.call("PUT", `/v1/direct_calls/${call.call_id}/custom_items`, { body: { custom_items: items } });
      expect(res.status).toBe(200);
    }
    return call.call_id;
  }

  test("upserts items and says which keys were updated", async () => {
    const id = await callWithItems({ a: "1", b: "2" });
    const res = await t.call("PUT", `/v1/direct_calls/${id}/custom_items`, { body: { custom_items: { b: "two", c: "3" }, mode: "upsert" } });
    expect(res.status).toBe(200);
    const body = callCustomItemsUpdateSchema.parse(res.json);
    expect(body).toMatchObject({ call_id: id, custom_items: { a: "1", b: "two", c: "3" }, updated: ["b", "c"], affected_at: testNow });
    expect((await getCall(id)).custom_items).toEqual({ a: "1", b: "two", c: "3" });
  });

  test("replaces every item in replace mode", async () => {
    const id = await callWithItems({ a: "1", b: "2" });
    const res = await t.call("PUT", `/v1/direct_calls/${id}/custom_items`, { body: { custom_items: { z: "26" }, mode: "replace" } });
    expect(callCustomItemsUpdateSchema.parse(res.json).custom_items).toEqual({ z: "26" });
    expect((await getCall(id)).custom_items).toEqual({ z: "26" });
  });

  test("accepts exactly 10 items with 128-character keys and values", async () => {
    const id = await callWithItems({});
    const items = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`${i}`.padEnd(128, "k"), "v".repeat(128)]));
    const res = await t.call("PUT", `/v1/direct_calls/${id}/custom_items`, { body: { custom_items: items } });
    expect(res.status).toBe(200);
    expect(Object.keys((await getCall(id)).custom_items ?? {})).toHaveLength(10);
  });

  const eleven = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, "v"]));
  test.each([
    ["11 items", { custom_items: eleven }, 400100],
    ["a 129-character key", { custom_items: { ["k".repeat(129)]: "v" } }, 400100],
    ["a 129-character value", { custom_items: { k: "v".repeat(129) } }, 400100],
    ["a comma in a key", { custom_items: { "a,b": "v" } }, 400100],
    ["an empty key", { custom_items: { "": "v" } }, 400100],
    ["a number value", { custom_items: { k: 1 } }, 400100],
    ["custom_items as a list", { custom_items: ["a"] }, 400100],
    ["an unknown mode", { custom_items: { k: "v" }, mode: "merge" }, 400100],
    ["no custom_items", { mode: "upsert" }, 400111],
  ])("refuses %s and leaves the items alone", async (_name, body, code) => {
    const id = await callWithItems({ keep: "me" });
    expectCallsError(await t.call("PUT", `/v1/direct_calls/${id}/custom_items`, { body }), 400, code);
    expect((await getCall(id)).custom_items).toEqual({ keep: "me" });
  });

  test("refuses an upsert that would make more than 10 items, changing nothing", async () => {
    const nine = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`k${i}`, "v"]));
    const id = await callWithItems(nine);
    expectCallsError(await t.call("PUT", `/v1/direct_calls/${id}/custom_items`, { body: { custom_items: { x: "1", y: "2" } } }), 400, 400100);
    expect((await getCall(id)).custom_items).toEqual(nine);
  });

  test.each([
    ["a body {keys}", "", { keys: ["a", "b"] }],
    ["the query ?keys=a,b", "?keys=a,b", undefined],
  ])("deletes the named keys given in %s", async (_name, query, body) => {
    const id = await callWithItems({ a: "1", b: "2", c: "3" });
    const res = await t.call("DELETE", `/v1/direct_calls/${id}/custom_items${query}`, { body });
    expect(res.status).toBe(200);
    const parsed = callCustomItemsUpdateSchema.parse(res.json);
    expect(parsed).toMatchObject({ call_id: id, custom_items: { c: "3" }, deleted: ["a", "b"] });
    expect((await getCall(id)).custom_items).toEqual({ c: "3" });
  });

  test("deletes every item when no keys are given", async () => {
    const id = await callWithItems({ a: "1", b: "2" });
    const res = await t.call("DELETE", `/v1/direct_calls/${id}/custom_items`);
    expect(callCustomItemsUpdateSchema.parse(res.json)).toMatchObject({ custom_items: {}, deleted: ["a", "b"] });
    expect((await getCall(id)).custom_items).toEqual({});
  });

  test("refuses keys that are not a list of strings", async () => {
    const id = await callWithItems({ a: "1" });
    expectCallsError(await t.call("DELETE", `/v1/direct_calls/${id}/custom_items`, { body: { keys: "a" } }), 400, 400100);
    expectCallsError(await t.call("DELETE", `/v1/direct_calls/${id}/custom_items`, { body: { keys: [1] } }), 400, 400100);
    expect((await getCall(id)).custom_items).toEqual({ a: "1" });
  });

  test.each([
    ["PUT", { custom_items: { a: "1" } }],
    ["DELETE", undefined],
  ])("%s on an unknown call is HTTP 400 code 400200", async (method, body) => {
    expectCallsError(await t.call(method, "/v1/direct_calls/nope/custom_items", { body }), 400, 400200);
  });
});

describe("GET /v1/users/{user_id}/calls", () => {
  /** alice calls bob (-3h, completed), bob calls alice (-2h, declined), alice calls carol (-1h, canceled). */
  async function history() {
    await createUsers(t, "alice", "bob", "carol");
    const toBob = await makeCall({ caller_id: "alice", callee_id: "bob", end_result: "completed", started_at: testNow - 3 * hour });
    const fromBob = await makeCall({ caller_id: "bob", callee_id: "alice", end_result: "declined", started_at: testNow - 2 * hour });
    const toCarol = await makeCall({ caller_id: "alice", callee_id: "carol", end_result: "canceled", started_at: testNow - hour });
    return { toBob: toBob.call_id, fromBob: fromBob.call_id, toCarol: toCarol.call_id };
  }

  async function userCalls(user: string, query = "") {
    const res = await t.call("GET", `/v1/users/${encodeURIComponent(user)}/calls${query}`);
    expect(res.status).toBe(200);
    return directCallListSchema.parse(res.json);
  }

  test("lists the calls a user made or received, each with the user's role", async () => {
    const c = await history();
    const page = await userCalls("alice");
    expect(page.calls.map((call) => [call.call_id, call.user_role])).toEqual([
      [c.toCarol, "dc_caller"],
      [c.fromBob, "dc_callee"],
      [c.toBob, "dc_caller"],
    ]);
    expect(page.has_next).toBe(false);
    expect((await userCalls("carol")).calls.map((call) => [call.call_id, call.user_role])).toEqual([[c.toCarol, "dc_callee"]]);
  });

  test.each([
    ["dc_caller", ["toCarol", "toBob"]],
    ["dc_callee", ["fromBob"]],
  ] as const)("role=%s keeps the calls where the user had that role", async (role, expected) => {
    const c = await history();
    const page = await userCalls("alice", `?role=${role}`);
    expect(page.calls.map((call) => call.call_id)).toEqual(expected.map((k) => c[k]));
    expect(page.calls.every((call) => call.user_role === role)).toBe(true);
  });

  test("start_ts and end_ts are Unix seconds", async () => {
    const c = await history();
    const seconds = (ms: number) => Math.floor(ms / 1000);
    const after = await userCalls("alice", `?start_ts=${seconds(testNow - 2.5 * hour)}`);
    expect(after.calls.map((call) => call.call_id)).toEqual([c.toCarol, c.fromBob]);
    const before = await userCalls("alice", `?end_ts=${seconds(testNow - 1.5 * hour)}`);
    expect(before.calls.map((call) => call.call_id)).toEqual([c.fromBob, c.toBob]);
    const window = await userCalls("alice", `?start_ts=${seconds(testNow - 2.5 * hour)}&end_ts=${seconds(testNow - 1.5 * hour)}`);
    expect(window.calls.map((call) => call.call_id)).toEqual([c.fromBob]);
    // The same instant in milliseconds lies far in the future: nothing started after it.
    expect((await userCalls("alice", `?start_ts=${testNow - 2.5 * hour}`)).calls).toEqual([]);
  });

  test("filters by end_result", async () => {
    const c = await history();
    expect((await userCalls("alice", "?end_result=completed,canceled")).calls.map((call) => call.call_id)).toEqual([c.toCarol, c.toBob]);
  });

  test("pages with limit and next", async () => {
    const c = await history();
    const first = await userCalls("alice", "?limit=2");
    expect(first.has_next).toBe(true);
    const second = await userCalls("alice", `?limit=2&next=${encodeURIComponent(first.next ?? "")}`);
    expect([...first.calls, ...second.calls].map((call) => call.call_id)).toEqual([c.toCarol, c.fromBob, c.toBob]);
    expect(second.has_next).toBe(false);
  });

  test.each([
    ["80 emoji", "😀".repeat(80)],
    ["a slash, a space and a percent sign", "team/a b%"],
  ])("lists the calls of a user whose id has %s", async (_name, id) => {
    await createUsers(t, id, "bob");
    const call = await makeCall({ caller_id: id, callee_id: "bob" });
    expect((await userCalls(id)).calls.map((c) => [c.call_id, c.user_role])).toEqual([[call.call_id, "dc_caller"]]);
  });

  test("refuses a user id over 80 characters with HTTP 400 code 400100", async () => {
    expectCallsError(await t.call("GET", `/v1/users/${"u".repeat(81)}/calls`), 400, 400100);
  });

  test("is empty for a user without calls", async () => {
    await history();
    expect(await userCalls("nobody")).toEqual({ calls: [], next: null, has_next: false });
  });

  test.each([["?role=host"], ["?type=group"], ["?start_ts=soon"], ["?end_result=dropped"], ["?limit=0"]])(
    "refuses %s with HTTP 400 code 400100",
    async (query) => {
      expectCallsError(await t.call("GET", `/v1/users/alice/calls${query}`), 400, 400100);
    },
  );
});
