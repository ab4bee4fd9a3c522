import { describe, expect, test } from "vitest";
import { liveEventListSchema, roomListSchema } from "@/lib/sendbird/schemas";
import { createEmulator, defaultMasterToken } from "./emulator";
import { participantCount } from "./store/serialize";
import { testNow } from "./testing/harness";

const frozen = { frozenAt: testNow };

describe("createEmulator", () => {
  test("answers a fetch Request in process", async () => {
    const emulator = createEmulator({ seed: 1, size: "small", clock: frozen });
    const res = await emulator(new Request("http://emulator.test/v1/live-events?limit=3", { headers: { "Api-Token": defaultMasterToken } }));
    expect(res.status).toBe(200);
    const body = liveEventListSchema.parse(await res.json());
    expect(body.live_events).toHaveLength(3);
    expect(body.next).toBeTruthy();
  });

  test("refuses an oversized body from a fetch Request with 413", async () => {
    const emulator = createEmulator({ seed: null, clock: frozen });
    const res = await emulator(
      new Request("http://emulator.test/v3/users", {
        method: "POST",
        headers: { "Api-Token": defaultMasterToken },
        body: "x".repeat(1024 * 1024 + 1),
      }),
    );
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: true, code: 400110 });
  });

  test("rejects the fetch promise when a fault drops the connection", async () => {
    const emulator = createEmulator({ seed: null, clock: frozen, faults: [{ method: "GET", path: "/v1/*", drop: true, probability: 1 }] });
    await expect(emulator(new Request("http://emulator.test/v1/live-events", { headers: { "Api-Token": defaultMasterToken } }))).rejects.toThrow(/dropped/);
  });

  test("uses a custom master token", async () => {
    const emulator = createEmulator({ seed: null, masterToken: "custom-master", clock: frozen });
    const ok = await emulator(new Request("http://e/v3/applications/api_tokens", { headers: { "Api-Token": "custom-master" } }));
    const refused = await emulator(new Request("http://e/v3/applications/api_tokens", { headers: { "Api-Token": defaultMasterToken } }));
    expect(ok.status).toBe(200);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ code: 400401 });
  });
});

describe("the demo world", () => {
  const emulator = createEmulator({ seed: 42, clock: frozen });
  const { store } = emulator;

  test("is the same for the same seed", () => {
    const again = createEmulator({ seed: 42, clock: frozen });
    expect(JSON.stringify(again.store.exportState())).toBe(JSON.stringify(store.exportState()));
    const other = createEmulator({ seed: 43, clock: frozen });
    expect(JSON.stringify(other.store.exportState())).not.toBe(JSON.stringify(store.exportState()));
  });

  test("has hundreds of users with names and metadata", () => {
    expect(store.users.size).toBeGreaterThanOrEqual(300);
    for (const user of store.userOrder.slice(0, 20)) {
      expect(user.nickname).not.toBe("");
      expect(Object.keys(user.metadata).length).toBeGreaterThan(0);
    }
  });

  test("has live events in every state over the last 30 days", () => {
    const states = new Set(store.liveEventOrder.map((e) => e.state));
    expect([...states].sort()).toEqual(["created", "ended", "ongoing", "ready"]);
    const oldest = Math.min(...store.liveEventOrder.map((e) => e.created_at));
    expect(testNow - oldest).toBeLessThanOrEqual(31 * 24 * 3600 * 1000);
    expect(testNow - oldest).toBeGreaterThan(20 * 24 * 3600 * 1000);
  });

  test("has ongoing events with hosts and participants", () => {
    const ongoing = store.liveEventOrder.filter((e) => e.state === "ongoing");
    expect(ongoing.length).toBeGreaterThanOrEqual(2);
    for (const event of ongoing) {
      expect(event.hosts.some((h) => h.state !== "exited")).toBe(true);
      expect(participantCount(event)).toBeGreaterThan(0);
      expect(event.peak_participant_count).toBeGreaterThanOrEqual(participantCount(event));
      expect(event.cumulative_participant_count).toBe(event.participants.length);
    }
  });

  test("has no timestamps in the future", () => {
    for (const event of store.liveEventOrder) {
      const times = [event.created_at, event.set_ready_at, event.started_at, event.ended_at];
      for (const host of event.hosts) times.push(host.entered_at, host.connected_at, host.disconnected_at, host.exited_at);
      for (const p of event.participants) times.push(p.entered_at, p.exited_at);
      for (const t of times) if (t !== null) expect(t).toBeLessThanOrEqual(testNow);
    }
  });

  test("has thousands of calls with every end result", () => {
    expect(store.calls.size).toBeGreaterThanOrEqual(2000);
    const results = new Set(store.callOrder.map((c) => c.end_result));
    expect(results.size).toBe(7);
    const completed = store.callOrder.filter((c) => c.end_result === "completed").length;
    expect(completed / store.calls.size).toBeGreaterThan(0.4);
  });

  test("has a few rooms and two secondary tokens", () => {
    expect(store.rooms.size).toBeGreaterThanOrEqual(3);
    expect(store.apiTokens.size).toBe(2);
  });

  test("recorded every other room once, over the room's life", () => {
    const recorded = store.roomOrder.filter((room) => room.cloud_recordings.length > 0);
    expect(recorded).toHaveLength(Math.ceil(store.rooms.size / 2));
    for (const room of recorded) {
      expect(room.cloud_recordings).toHaveLength(1);
      expect(room.cloud_recordings[0]).toMatchObject({ started_at: room.created_at, stopped_at: room.updated_at });
    }
  });

  test("lists each room's recording with the room's id and a target type that follows the room type", async () => {
    const res = await emulator(new Request("http://emulator.test/v1/rooms?limit=100", { headers: { "Api-Token": defaultMasterToken } }));
    const rooms = roomListSchema.parse(await res.json()).rooms;
    expect(rooms).toHaveLength(store.rooms.size);
    const recordings = rooms.flatMap((room) => (room.cloud_recordings ?? []).map((r) => ({ room, r })));
    expect(recordings.length).toBeGreaterThan(0);
    for (const { room, r } of recordings) {
      expect(r).toMatchObject({ room_id: room.room_id, target_event_type: room.room_type === "small_room_for_video" ? "room_video" : "room_audio" });
    }
  });
});

describe("the simulator", () => {
  test("moves the audience of ongoing events and leaves ended ones alone", () => {
    const emulator = createEmulator({ seed: 5, size: "small", clock: frozen });
    const { store, simulator } = emulator;
    const ended = store.liveEventOrder.find((e) => e.state === "ended");
    const endedBefore = JSON.stringify(ended);
    const ongoing = store.liveEventOrder.filter((e) => e.state === "ongoing");
    const before = ongoing.map((e) => e.participants.length);
    const callsBefore = store.calls.size;
    for (let i = 0; i < 10; i += 1) simulator.tick();
    expect(ongoing.map((e) => e.participants.length)).not.toEqual(before);
    expect(JSON.stringify(ended)).toBe(endedBefore);
    expect(store.calls.size).toBeGreaterThan(callsBefore);
  });

  test("starts and stops with the emulator", () => {
    const emulator = createEmulator({ seed: null, clock: frozen, simulate: true });
    expect(emulator.simulator.running).toBe(true);
    emulator.close();
    expect(emulator.simulator.running).toBe(false);
  });
});
