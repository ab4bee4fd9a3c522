import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { hostsResponseSchema, liveEventEnvelopeSchema, participantListSchema, recordingCopyResponseSchema } from "@/lib/sendbird/schemas";
import type { LiveEvent, LiveEventState } from "@/lib/sendbird/schemas";
import { startTestEmulator, testNow } from "../testing/harness";
import type { CallResult, TestEmulator } from "../testing/harness";
import { stateSnapshotSchema } from "./records";

const minute = 60_000;

let t: TestEmulator;
beforeEach(async () => {
  t = await startTestEmulator();
});
afterEach(() => t.close());

type Action = "ready" | "start" | "update" | "end";

function perform(id: string, action: Action): Promise<CallResult> {
  if (action === "update") return t.call("PUT", `/v1/live-events/${id}`, { body: { title: "Renamed" } });
  if (action === "end") return t.call("DELETE", `/v1/live-events/${id}`);
  return t.call("POST", `/v1/live-events/${id}/${action}`, { body: {} });
}

async function getEvent(id: string): Promise<LiveEvent> {
  const res = await t.call("GET", `/v1/live-events/${id}`);
  expect(res.status).toBe(200);
  return liveEventEnvelopeSchema.parse(res.json).live_event;
}

async function advance(ms: number): Promise<void> {
  expect((await t.control("POST", "/clock/advance", { ms })).status).toBe(200);
}

async function now(): Promise<number> {
  return (await t.control("GET", "/clock")).json.now;
}

/** The steps that bring a fresh event to a state, a minute apart. */
const path: Record<LiveEventState, Action[]> = {
  created: [],
  ready: ["ready"],
  ongoing: ["ready", "start"],
  ended: ["ready", "start", "end"],
};

async function eventIn(state: LiveEventState, body: Record<string, unknown> = {}): Promise<string> {
  const res = await t.call("POST", "/v1/live-events", { body: { host_type: "single_host", user_ids_for_host: ["host-alice"], title: "Original", ...body } });
  expect(res.status).toBe(200);
  const id = liveEventEnvelopeSchema.parse(res.json).live_event.live_event_id;
  for (const step of path[state]) {
    await advance(minute);
    expect((await perform(id, step)).status).toBe(200);
  }
  expect((await getEvent(id)).state).toBe(state);
  return id;
}

async function createUsers(...ids: string[]): Promise<void> {
  for (const user_id of ids) {
    expect((await t.call("POST", "/v3/users", { body: { user_id, nickname: user_id, profile_url: "" } })).status).toBe(200);
  }
}

async function join(id: string, body: { count: number } | { user_ids: string[] }): Promise<void> {
  expect((await t.control("POST", `/live-events/${id}/participants/join`, body)).status).toBe(200);
}

async function leave(id: string, body: { count: number } | { user_ids: string[] }): Promise<void> {
  expect((await t.control("POST", `/live-events/${id}/participants/leave`, body)).status).toBe(200);
}

async function counts(id: string) {
  const e = await getEvent(id);
  return { now: e.participant_count, peak: e.peak_participant_count, total: e.cumulative_participant_count };
}

type Outcome = { to: LiveEventState; stamp: "set_ready_at" | "started_at" | "ended_at" | null } | "refused";

const transitions: [LiveEventState, Action, Outcome][] = [
  ["created", "ready", { to: "ready", stamp: "set_ready_at" }],
  ["created", "start", "refused"],
  ["created", "update", { to: "created", stamp: null }],
  ["created", "end", { to: "ended", stamp: "ended_at" }],
  ["ready", "ready", "refused"],
  ["ready", "start", { to: "ongoing", stamp: "started_at" }],
  ["ready", "update", { to: "ready", stamp: null }],
  ["ready", "end", { to: "ended", stamp: "ended_at" }],
  ["ongoing", "ready", "refused"],
  ["ongoing", "start", "refused"],
  ["ongoing", "update", { to: "ongoing", stamp: null }],
  ["ongoing", "end", { to: "ended", stamp: "ended_at" }],
  ["ended", "ready", "refused"],
  ["ended", "start", "refused"],
  ["ended", "update", "refused"],
  ["ended", "end", "refused"],
];

describe("live event state machine", () => {
  test("the table covers every state and action once", () => {
    const pairs = new Set(transitions.map(([state, action]) => `${state}:${action}`));
    expect(pairs.size).toBe(16);
  });

  test.each(transitions.filter(([, , outcome]) => outcome !== "refused"))("an event in state %s accepts %s", async (state, action, outcome) => {
    if (outcome === "refused") throw new Error("filtered out above");
    const id = await eventIn(state);
    const before = await getEvent(id);
    await advance(minute);
    const at = await now();
    const res = await perform(id, action);
    expect(res.status).toBe(200);
    const after = liveEventEnvelopeSchema.parse(res.json).live_event;
    const expected: LiveEvent = { ...before, state: outcome.to };
    if (outcome.stamp !== null) expected[outcome.stamp] = at;
    if (outcome.stamp === "ended_at") expected.duration = at - before.created_at;
    if (action === "update") expected.title = "Renamed";
    expect(after).toEqual(expected);
    expect(await getEvent(id)).toEqual(after);
  });

  test.each(transitions.filter(([, , outcome]) => outcome === "refused"))(
    "an event in state %s refuses %s with HTTP 401 code 401120 and stays as it was",
    async (state, action) => {
      const id = await eventIn(state);
      const before = await getEvent(id);
      await advance(minute);
      const res = await perform(id, action);
      expect({ status: res.status, code: res.json.code, type: res.json.type, error: res.json.error }).toEqual({
        status: 401,
        code: 401120,
        type: "NOT_ALLOWED",
        error: true,
      });
      expect(res.json.message).toContain(state);
      expect(await getEvent(id)).toEqual(before);
    },
  );

  test("ending an event that never started keeps set_ready_at and started_at null", async () => {
    const id = await eventIn("created");
    await advance(5 * minute);
    const ended = await perform(id, "end");
    expect(liveEventEnvelopeSchema.parse(ended.json).live_event).toMatchObject({
      state: "ended",
      set_ready_at: null,
      started_at: null,
      ended_at: testNow + 5 * minute,
      duration: 5 * minute,
    });
  });
});

describe("ending a live event", () => {
  test("forces every host and participant out", async () => {
    await createUsers("host-alice", "host-bob", "v1", "v2", "v3");
    const id = await eventIn("ongoing", { user_ids_for_host: ["host-alice", "host-bob"] });
    const alice = (await t.control("POST", `/live-events/${id}/hosts`, { user_id: "host-alice" })).json.host.host_id;
    const bob = (await t.control("POST", `/live-events/${id}/hosts`, { user_id: "host-bob" })).json.host.host_id;
    expect((await t.control("POST", `/live-events/${id}/hosts/${alice}/connect`)).status).toBe(200);
    await join(id, { user_ids: ["v1", "v2", "v3"] });
    await advance(minute);
    await leave(id, { user_ids: ["v1"] });
    const leftAt = await now();
    expect((await getEvent(id)).is_host_streaming).toBe(true);

    await advance(minute);
    const endedAt = await now();
    const ended = liveEventEnvelopeSchema.parse((await perform(id, "end")).json).live_event;
    expect(ended).toMatchObject({
      state: "ended",
      ended_at: endedAt,
      participant_count: 0,
      peak_participant_count: 3,
      cumulative_participant_count: 3,
      is_host_streaming: false,
      host: null,
      hosts: [],
    });

    const participants = participantListSchema.parse((await t.call("GET", `/v1/live-events/${id}/participants`)).json).participants;
    expect(Object.fromEntries(participants.map((p) => [p.user.user_id, [p.state, p.exited_at]]))).toEqual({
      v1: ["exited", leftAt],
      v2: ["exited", endedAt],
      v3: ["exited", endedAt],
    });
    expect(hostsResponseSchema.parse((await t.call("GET", `/v1/live-events/${id}/hosts`)).json)).toEqual({ host: null });

    const snapshot = stateSnapshotSchema.parse((await t.control("GET", "/state")).json);
    const hosts = snapshot.live_events.find((e) => e.live_event_id === id)?.hosts ?? [];
    expect(hosts.map((h) => [h.host_id, h.state, h.exited_at, h.disconnected_at])).toEqual([
      [alice, "exited", endedAt, endedAt],
      [bob, "exited", endedAt, null],
    ]);
  });

  test("completes a recording that was recording or paused, and leaves finished ones alone", async () => {
    const id = await eventIn("ongoing");
    const statuses = ["recording", "paused", "failed", "completed"];
    const recordings: string[] = [];
    for (const status of statuses) {
      recordings.push((await t.control("POST", `/live-events/${id}/recordings`, { status })).json.recording.recording_id);
    }
    await advance(minute);
    const endedAt = await now();
    const ended = liveEventEnvelopeSchema.parse((await perform(id, "end")).json).live_event;
    expect(ended.cloud_recordings?.map((r) => r.status)).toEqual(["completed", "completed", "failed", "completed"]);
    expect(ended.cloud_recordings?.[0]).toMatchObject({ recording_id: recordings[0], stopped_at: endedAt });

    const copy = await t.call("POST", `/v1/cloud-recordings/${recordings[0]}/copy`, {
      body: { access_key: "AKIA", secret_key: "secret", bucket: "archive-bucket", region: "us-east-1" },
    });
    expect(copy.status).toBe(200);
    expect(recordingCopyResponseSchema.parse(copy.json).recording_id).toBe(recordings[0]);
  });

  test("shuts the doors: no host may enter and no participant may join afterwards", async () => {
    await createUsers("host-alice", "v1");
    const id = await eventIn("ended");
    expect((await t.control("POST", `/live-events/${id}/hosts`, { user_id: "host-alice" })).status).toBe(409);
    expect((await t.control("POST", `/live-events/${id}/participants/join`, { user_ids: ["v1"] })).status).toBe(409);
    expect(await counts(id)).toEqual({ now: 0, peak: 0, total: 0 });
  });
});

describe("participant counts", () => {
  test("participants cannot join before the event is ready", async () => {
    await createUsers("v1");
    const id = await eventIn("created");
    expect((await t.control("POST", `/live-events/${id}/participants/join`, { user_ids: ["v1"] })).status).toBe(409);
    expect(await counts(id)).toEqual({ now: 0, peak: 0, total: 0 });
  });

  test("tracks the current, peak and cumulative counts as participants come and go", async () => {
    await createUsers(...Array.from({ length: 8 }, (_, i) => `v${i}`));
    const id = await eventIn("ready");
    await join(id, { user_ids: ["v0", "v1", "v2"] });
    expect(await counts(id)).toEqual({ now: 3, peak: 3, total: 3 });
    await leave(id, { count: 2 });
    expect(await counts(id)).toEqual({ now: 1, peak: 3, total: 3 });
    await join(id, { user_ids: ["v3"] });
    expect(await counts(id)).toEqual({ now: 2, peak: 3, total: 4 });
    expect((await perform(id, "start")).status).toBe(200);
    await join(id, { count: 4 });
    expect(await counts(id)).toEqual({ now: 6, peak: 6, total: 8 });
    await leave(id, { user_ids: ["v3", "nobody"] });
    expect(await counts(id)).toEqual({ now: 5, peak: 6, total: 8 });
  });

  test("counts a user who comes back as a new entry", async () => {
    await createUsers("v1");
    const id = await eventIn("ongoing");
    await join(id, { user_ids: ["v1"] });
    await leave(id, { user_ids: ["v1"] });
    await join(id, { user_ids: ["v1"] });
    expect(await counts(id)).toEqual({ now: 1, peak: 1, total: 2 });
    const entries = participantListSchema.parse((await t.call("GET", `/v1/live-events/${id}/participants`)).json).participants;
    expect(entries.map((p) => p.state).sort()).toEqual(["entered", "exited"]);
    expect(new Set(entries.map((p) => p.participant_id)).size).toBe(2);
  });

  test("joining by count picks only active users not already watching", async () => {
    await createUsers("v1", "v2", "v3");
    expect((await t.call("PUT", "/v3/users/v3", { body: { is_active: false } })).status).toBe(200);
    const id = await eventIn("ongoing");
    await join(id, { user_ids: ["v1"] });
    await join(id, { count: 5 });
    const entries = participantListSchema.parse((await t.call("GET", `/v1/live-events/${id}/participants`)).json).participants;
    expect(entries.map((p) => p.user.user_id).sort()).toEqual(["v1", "v2"]);
    expect(await counts(id)).toEqual({ now: 2, peak: 2, total: 2 });
  });

  test("a join naming an unknown user is refused whole", async () => {
    await createUsers("v1");
    const id = await eventIn("ongoing");
    expect((await t.control("POST", `/live-events/${id}/participants/join`, { user_ids: ["v1", "ghost"] })).status).toBe(404);
    expect(await counts(id)).toEqual({ now: 0, peak: 0, total: 0 });
  });

  test("a join naming someone already watching, or the same user twice, is refused whole", async () => {
    await createUsers("v1", "v2");
    const id = await eventIn("ongoing");
    await join(id, { user_ids: ["v1"] });
    expect((await t.control("POST", `/live-events/${id}/participants/join`, { user_ids: ["v2", "v1"] })).status).toBe(409);
    expect((await t.control("POST", `/live-events/${id}/participants/join`, { user_ids: ["v2", "v2"] })).status).toBe(409);
    expect(await counts(id)).toEqual({ now: 1, peak: 1, total: 1 });
  });
});
