import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { advance, createUsers, startTestEmulator, testNow } from "../testing/harness";
import type { CallResult, TestEmulator } from "../testing/harness";

let t: TestEmulator;
beforeEach(async () => {
  t = await startTestEmulator();
});
afterEach(() => t.close());

function expectControlError(res: CallResult, status: number, code: string): void {
  expect(res.status).toBe(status);
  expect(res.json).toEqual({ error: { code, message: expect.any(String) } });
}

/** A live event with the given host candidates, moved to `state`. */
async function liveEvent(hosts: string[], state: "ready" | "ongoing" | "ended"): Promise<string> {
  const res = await t.call("POST", "/v1/live-events", { body: { user_ids_for_host: hosts } });
  expect(res.status).toBe(200);
  const id: string = res.json.live_event.live_event_id;
  for (const step of state === "ready" ? ["ready"] : ["ready", "start"]) expect((await t.call("POST", `/v1/live-events/${id}/${step}`)).status).toBe(200);
  if (state === "ended") expect((await t.call("DELETE", `/v1/live-events/${id}`)).status).toBe(200);
  return id;
}

/** A host candidate enters and connects; returns the host id. */
async function connectHost(eventId: string, userId: string): Promise<string> {
  const entered = await t.control("POST", `/live-events/${eventId}/hosts`, { user_id: userId });
  expect(entered.status).toBe(200);
  const hostId: string = entered.json.host.host_id;
  expect((await t.control("POST", `/live-events/${eventId}/hosts/${hostId}/connect`)).status).toBe(200);
  return hostId;
}

/** The states of the event's hosts who have not exited, as the public API shows them. */
async function hostStates(eventId: string): Promise<Record<string, string>> {
  const hosts: { host_id: string; state: string }[] = (await t.call("GET", `/v1/live-events/${eventId}`)).json.live_event.hosts;
  return Object.fromEntries(hosts.map((h) => [h.host_id, h.state]));
}

async function audience(eventId: string): Promise<{ participant_count: number; cumulative_participant_count: number }> {
  const event = (await t.call("GET", `/v1/live-events/${eventId}`)).json.live_event;
  return { participant_count: event.participant_count, cumulative_participant_count: event.cumulative_participant_count };
}

async function tick(times: number): Promise<void> {
  for (let i = 0; i < times; i += 1) expect((await t.control("POST", "/simulator/tick")).status).toBe(200);
}

async function incidents(): Promise<unknown> {
  return (await t.control("GET", "")).json.incidents;
}

/** An on-air event with ten viewers out of thirty users, so the simulator always has someone to bring in. */
async function watchedEvent(): Promise<string> {
  await createUsers(t, "h1", ...Array.from({ length: 30 }, (_, i) => `v${i}`));
  const id = await liveEvent(["h1"], "ongoing");
  expect((await t.control("POST", `/live-events/${id}/participants/join`, { count: 10 })).status).toBe(200);
  return id;
}

describe("POST /__emulator/live-events/{id}/incidents/host-drop", () => {
  test("disconnects every connected host, and ticking the simulator neither reconnects them nor brings a new host in", async () => {
    await createUsers(t, "h1", "h2");
    const id = await liveEvent(["h1", "h2"], "ongoing");
    const hosts = [await connectHost(id, "h1"), await connectHost(id, "h2")];
    const res = await t.control("POST", `/live-events/${id}/incidents/host-drop`);
    expect(res.status).toBe(200);
    expect(res.json.hosts).toEqual(hosts.map((host_id) => expect.objectContaining({ host_id, state: "disconnected", disconnected_at: testNow })));
    expect(await incidents()).toEqual({ host_drops: [id], audience_crashes: [] });
    await tick(40);
    expect(await hostStates(id)).toEqual({ [hosts[0] ?? ""]: "disconnected", [hosts[1] ?? ""]: "disconnected" });
    // With every host gone for good, an unheld event gets a new host on the next tick; a held one does not.
    for (const host of hosts) expect((await t.control("POST", `/live-events/${id}/hosts/${host}/exit`)).status).toBe(200);
    await tick(5);
    expect((await t.call("GET", `/v1/live-events/${id}/hosts`)).json).toEqual({ host: null });
  });

  test("without hold the simulator reconnects the hosts in due course", async () => {
    await createUsers(t, "h1");
    const id = await liveEvent(["h1"], "ongoing");
    const host = await connectHost(id, "h1");
    expect((await t.control("POST", `/live-events/${id}/incidents/host-drop`, { hold: false })).json.hosts).toHaveLength(1);
    expect(await incidents()).toEqual({ host_drops: [], audience_crashes: [] });
    // A reconnection after the drop stamps the later time; the host may have dropped again (3 % a tick) since.
    await advance(t, 1);
    // Each tick reconnects a dropped host with 40 % odds: 40 ticks all missing is under one in a billion.
    await tick(40);
    expect((await t.call("GET", `/v1/live-events/${id}/hosts`)).json.host).toMatchObject({ host_id: host, connected_at: testNow + 1 });
  });
});

describe("POST /__emulator/live-events/{id}/incidents/recover", () => {
  test("reconnects the disconnected hosts, leaves exited ones out and lifts the hold", async () => {
    await createUsers(t, "h1", "h2");
    const id = await liveEvent(["h1", "h2"], "ongoing");
    const [stays, leaves] = [await connectHost(id, "h1"), await connectHost(id, "h2")];
    expect((await t.control("POST", `/live-events/${id}/incidents/host-drop`, { hold: true })).status).toBe(200);
    expect((await t.control("POST", `/live-events/${id}/hosts/${leaves}/exit`)).status).toBe(200);
    const res = await t.control("POST", `/live-events/${id}/incidents/recover`);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ hosts: [expect.objectContaining({ host_id: stays, state: "connected", connected_at: testNow })] });
    expect(await hostStates(id)).toEqual({ [stays]: "connected" });
    expect(await incidents()).toEqual({ host_drops: [], audience_crashes: [] });
  });
});

describe("POST /__emulator/live-events/{id}/incidents/audience-crash", () => {
  test("that share of the audience leaves at once, rounded up, and ticks add no joins until recover", async () => {
    const id = await watchedEvent();
    const res = await t.control("POST", `/live-events/${id}/incidents/audience-crash`, { fraction: 0.25 });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ left: 3, participant_count: 7 });
    expect(await incidents()).toEqual({ host_drops: [], audience_crashes: [id] });
    await tick(30);
    const held = await audience(id);
    expect(held.cumulative_participant_count).toBe(10);
    expect(held.participant_count).toBeLessThanOrEqual(7);
    expect((await t.control("POST", `/live-events/${id}/incidents/recover`)).status).toBe(200);
    // Below its target audience an event gets 0–5 joins a tick: 20 ticks without one is (1/6)^20.
    await tick(20);
    expect((await audience(id)).cumulative_participant_count).toBeGreaterThan(10);
  });

  test("by default 80 % of the audience leaves", async () => {
    const id = await watchedEvent();
    expect((await t.control("POST", `/live-events/${id}/incidents/audience-crash`)).json).toEqual({ left: 8, participant_count: 2 });
    expect(await audience(id)).toEqual({ participant_count: 2, cumulative_participant_count: 10 });
  });
});

describe("POST /__emulator/direct-calls/incidents/failures", () => {
  test("records that many failed calls, begun and ended within the window, listed by GET /v1/direct_calls", async () => {
    await createUsers(t, "a", "b", "c");
    const res = await t.control("POST", "/direct-calls/incidents/failures", { count: 7, end_result: "timed_out", within_ms: 120_000 });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ calls: 7 });
    const calls: { participants: { user_id: string }[]; started_at: number; ended_at: number; end_result: string }[] = (
      await t.call("GET", "/v1/direct_calls?limit=100")
    ).json.calls;
    expect(calls).toHaveLength(7);
    for (const call of calls) {
      expect(call.end_result).toBe("timed_out");
      expect(new Set(call.participants.map((p) => p.user_id)).size).toBe(2);
      expect(call.started_at).toBeGreaterThanOrEqual(testNow - 120_000);
      expect(call.ended_at).toBeLessThanOrEqual(testNow);
    }
  });

  test("by default records 20 calls that lost their connection in the last ten minutes", async () => {
    await createUsers(t, "a", "b");
    expect((await t.control("POST", "/direct-calls/incidents/failures")).json).toEqual({ calls: 20 });
    const calls: { started_at: number }[] = (await t.call("GET", "/v1/direct_calls?end_result=connection_lost&limit=100")).json.calls;
    expect(calls).toHaveLength(20);
    expect(Math.min(...calls.map((c) => c.started_at))).toBeGreaterThanOrEqual(testNow - 600_000);
  });

  test("refuses when there are not two active users to call each other", async () => {
    await createUsers(t, "alone");
    expectControlError(await t.control("POST", "/direct-calls/incidents/failures", { count: 1 }), 409, "not_allowed");
    expect((await t.call("GET", "/v1/direct_calls")).json.calls).toEqual([]);
  });
});

describe("incident requests that are refused", () => {
  test.each([
    ["host-drop", { hold: "yes" }, "hold"],
    ["host-drop", { hold: true, hosts: 2 }, "hosts"],
    ["recover", { hold: false }, "hold"],
    ["audience-crash", { fraction: 0 }, "fraction"],
    ["audience-crash", { fraction: 1.5 }, "fraction"],
    ["audience-crash", { fraction: "half" }, "fraction"],
    ["failures", { count: 0 }, "count"],
    ["failures", { count: 1001 }, "count"],
    ["failures", { count: 2.5 }, "count"],
    ["failures", { end_result: "completed" }, "end_result"],
    ["failures", { end_result: "no_answer" }, "end_result"],
    ["failures", { within_ms: 1000 }, "within_ms"],
  ])("%s with %j is a 400 naming %s and changes nothing", async (incident, body, field) => {
    await createUsers(t, "h1", "v1", "v2");
    const id = await liveEvent(["h1"], "ongoing");
    await connectHost(id, "h1");
    const before = (await t.control("GET", "/state")).json;
    const path = incident === "failures" ? "/direct-calls/incidents/failures" : `/live-events/${id}/incidents/${incident}`;
    const res = await t.control("POST", path, body);
    expectControlError(res, 400, "invalid");
    expect(res.json.error.message).toContain(field);
    expect((await t.control("GET", "/state")).json).toEqual(before);
    expect(await incidents()).toEqual({ host_drops: [], audience_crashes: [] });
  });

  test.each([["host-drop"], ["recover"], ["audience-crash"]])("%s of an unknown live event is 404", async (incident) => {
    expectControlError(await t.control("POST", `/live-events/nope/incidents/${incident}`), 404, "not_found");
  });

  test.each([
    ["host-drop", "ready"],
    ["host-drop", "ended"],
    ["audience-crash", "ready"],
    ["audience-crash", "ended"],
  ] as const)("%s of a %s live event is refused: only an event on air has incidents", async (incident, state) => {
    await createUsers(t, "h1");
    const id = await liveEvent(["h1"], state);
    expectControlError(await t.control("POST", `/live-events/${id}/incidents/${incident}`), 409, "not_allowed");
    expect(await incidents()).toEqual({ host_drops: [], audience_crashes: [] });
  });
});

describe("holds and the world", () => {
  test.each([
    ["/reset", undefined],
    ["/seed", { seed: 3, size: "empty" }],
  ])("POST /__emulator%s lifts every hold", async (path, body) => {
    const id = await watchedEvent();
    expect((await t.control("POST", `/live-events/${id}/incidents/host-drop`)).status).toBe(200);
    expect((await t.control("POST", `/live-events/${id}/incidents/audience-crash`)).status).toBe(200);
    expect(await incidents()).toEqual({ host_drops: [id], audience_crashes: [id] });
    const res = await t.control("POST", path, body);
    expect(res.status).toBe(200);
    expect(res.json.incidents).toEqual({ host_drops: [], audience_crashes: [] });
  });
});
