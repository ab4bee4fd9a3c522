import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { roomEnvelopeSchema, roomListSchema, roomParticipantListSchema } from "@/lib/sendbird/schemas";
import type { Room } from "@/lib/sendbird/schemas";
import { advance, createUsers, expectCallsError, startTestEmulator, testNow } from "../testing/harness";
import type { CallResult, TestEmulator } from "../testing/harness";

const minute = 60_000;

let t: TestEmulator;
beforeEach(async () => {
  t = await startTestEmulator();
});
afterEach(() => t.close());

async function createRoom(body: Record<string, unknown> = { type: "small_room_for_video" }): Promise<Room> {
  const res = await t.call("POST", "/v1/rooms", { body });
  expect(res.status).toBe(200);
  return roomEnvelopeSchema.parse(res.json).room;
}

async function getRoom(id: string): Promise<Room> {
  const res = await t.call("GET", `/v1/rooms/${id}`);
  expect(res.status).toBe(200);
  return roomEnvelopeSchema.parse(res.json).room;
}

async function listRoomIds(query: string): Promise<string[]> {
  const res = await t.call("GET", `/v1/rooms${query}`);
  expect(res.status).toBe(200);
  return roomListSchema.parse(res.json).rooms.map((r) => r.room_id);
}

async function join(roomId: string, ...userIds: string[]): Promise<CallResult> {
  return t.control("POST", `/rooms/${roomId}/participants/join`, { user_ids: userIds });
}

describe("POST /v1/rooms", () => {
  test("creates an open room of the given type, with no recordings and no deleted_at", async () => {
    const res = await t.call("POST", "/v1/rooms", { body: { type: "large_room_for_audio_only", custom_items: { topic: "standup" } } });
    expect(res.status).toBe(200);
    expect(res.json.room).not.toHaveProperty("deleted_at");
    const room = roomEnvelopeSchema.parse(res.json).room;
    expect(room).toMatchObject({
      room_type: "large_room_for_audio_only",
      state: "open",
      created_at: testNow,
      updated_at: testNow,
      created_by: "",
      current_participants: [],
      custom_items: { topic: "standup" },
      cloud_recordings: [],
    });
    expect(await getRoom(room.room_id)).toEqual(room);
  });

  test.each([
    ["no type", {}, 400111],
    ["a null type", { type: null }, 400111],
    ["an unknown type", { type: "huge_room" }, 400100],
    ["a number type", { type: 1 }, 400100],
    ["11 custom items", { type: "small_room_for_video", custom_items: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, "v"])) }, 400100],
    ["a body that is a list", ["small_room_for_video"], 400100],
  ])("refuses %s and creates nothing", async (_name, body, code) => {
    expectCallsError(await t.call("POST", "/v1/rooms", { body }), 400, code);
    expect(await listRoomIds("?state=open")).toEqual([]);
  });

  test("refuses invalid JSON with HTTP 400 code 400100", async () => {
    expectCallsError(await t.call("POST", "/v1/rooms", { raw: "{type:" }), 400, 400100);
  });
});

describe("GET /v1/rooms", () => {
  /** small1 (t0), large (t0+1m, 2 in it), small2 (t0+2m, 1 in it, later deleted), newest first. */
  async function rooms() {
    await createUsers(t, "u1", "u2", "u3");
    const small1 = await createRoom({ type: "small_room_for_video" });
    await advance(t, minute);
    const large = await createRoom({ type: "large_room_for_audio_only" });
    await advance(t, minute);
    const small2 = await createRoom({ type: "small_room_for_video" });
    expect((await join(large.room_id, "u1", "u2")).status).toBe(200);
    expect((await join(small2.room_id, "u3")).status).toBe(200);
    return { small1: small1.room_id, large: large.room_id, small2: small2.room_id };
  }

  test("lists every room newest first", async () => {
    const r = await rooms();
    const res = await t.call("GET", "/v1/rooms");
    const body = roomListSchema.parse(res.json);
    expect(body.rooms.map((room) => room.room_id)).toEqual([r.small2, r.large, r.small1]);
    expect(body.next).toBeNull();
    expect(body.rooms[1]?.current_participants.map((p) => p.user.user_id).sort()).toEqual(["u1", "u2"]);
  });

  test.each([
    ["?type=all", ["small2", "large", "small1"]],
    ["?type=small_room_for_video", ["small2", "small1"]],
    ["?type=large_room_for_audio_only", ["large"]],
    ["?current_participant_range_gte=1", ["small2", "large"]],
    ["?current_participant_range_gte=2", ["large"]],
    ["?current_participant_range_lte=0", ["small1"]],
    ["?current_participant_range_gte=1&current_participant_range_lte=1", ["small2"]],
    [`?created_at_start_date=${testNow + minute}`, ["small2", "large"]],
    [`?created_at_end_date=${testNow + minute}`, ["small1"]],
    [`?created_at_start_date=${testNow + minute}&created_at_end_date=${testNow + 2 * minute}`, ["large"]],
  ] as const)("filters %s", async (query, expected) => {
    const r = await rooms();
    expect(await listRoomIds(query)).toEqual(expected.map((k) => r[k]));
  });

  test("filters by room_id and by up to 10 room_ids", async () => {
    const r = await rooms();
    expect(await listRoomIds(`?room_id=${r.large}`)).toEqual([r.large]);
    const others = Array.from({ length: 8 }, (_, i) => `missing-${i}`);
    expect(await listRoomIds(`?room_ids=${[r.small1, r.small2, ...others].join(",")}`)).toEqual([r.small2, r.small1]);
  });

  test("filters by state after a room is deleted", async () => {
    const r = await rooms();
    expect((await t.control("DELETE", `/rooms/${r.small2}`)).status).toBe(200);
    expect(await listRoomIds("?state=deleted")).toEqual([r.small2]);
    expect(await listRoomIds("?state=open")).toEqual([r.large, r.small1]);
  });

  test("pages with limit, next and prev", async () => {
    const r = await rooms();
    const first = roomListSchema.parse((await t.call("GET", "/v1/rooms?limit=2")).json);
    expect(first.rooms.map((room) => room.room_id)).toEqual([r.small2, r.large]);
    expect(first.prev).toBeNull();
    const second = roomListSchema.parse((await t.call("GET", `/v1/rooms?limit=2&next=${encodeURIComponent(first.next ?? "")}`)).json);
    expect(second.rooms.map((room) => room.room_id)).toEqual([r.small1]);
    expect(second.next).toBeNull();
    const back = roomListSchema.parse((await t.call("GET", `/v1/rooms?limit=2&prev=${encodeURIComponent(second.prev ?? "")}`)).json);
    expect(back.rooms.map((room) => room.room_id)).toEqual([r.small2, r.large]);
  });

  test.each([
    ["11 room_ids", `?room_ids=${Array.from({ length: 11 }, (_, i) => `r${i}`).join(",")}`],
    ["room_id and room_ids together", "?room_id=a&room_ids=b"],
    ["an unknown type", "?type=medium_room"],
    ["an unknown state", "?state=closed"],
    ["a negative participant bound", "?current_participant_range_gte=-1"],
    ["a non-numeric date", "?created_at_start_date=today"],
    ["limit over 100", "?limit=101"],
  ])("refuses %s with HTTP 400 code 400100", async (_name, query) => {
    expectCallsError(await t.call("GET", `/v1/rooms${query}`), 400, 400100);
  });
});

describe("GET /v1/rooms/{room_id} and its participants", () => {
  test("answers an unknown room with HTTP 400 code 1400126 INVALID_ROOM", async () => {
    const res = await t.call("GET", "/v1/rooms/nope");
    expectCallsError(res, 400, 1400126);
    expect(res.json.type).toBe("INVALID_ROOM");
    expectCallsError(await t.call("GET", "/v1/rooms/nope/participants"), 400, 1400126);
  });

  test("lists participants newest first, exited ones included", async () => {
    await createUsers(t, "u1", "u2", "u3");
    const room = await createRoom();
    expect((await join(room.room_id, "u1")).status).toBe(200);
    await advance(t, minute);
    expect((await join(room.room_id, "u2", "u3")).status).toBe(200);
    await advance(t, 2 * minute);
    expect((await t.control("POST", `/rooms/${room.room_id}/participants/leave`, { user_ids: ["u1"] })).status).toBe(200);

    const res = await t.call("GET", `/v1/rooms/${room.room_id}/participants`);
    const body = roomParticipantListSchema.parse(res.json);
    expect(body.participants.map((p) => p.user.user_id)).toEqual([expect.any(String), expect.any(String), "u1"]);
    const u1 = body.participants.find((p) => p.user.user_id === "u1");
    expect(u1).toMatchObject({ room_id: room.room_id, state: "exited", entered_at: testNow, exited_at: testNow + 3 * minute, duration: 180 });
    const u2 = body.participants.find((p) => p.user.user_id === "u2");
    expect(u2).toMatchObject({ state: "connected", entered_at: testNow + minute, exited_at: null, duration: null, is_video_on: true });
    expect((await getRoom(room.room_id)).current_participants.map((p) => p.user.user_id).sort()).toEqual(["u2", "u3"]);
  });

  test("pages participants who entered at the same instant without losing or repeating anyone", async () => {
    const users = Array.from({ length: 9 }, (_, i) => `p${i}`);
    await createUsers(t, ...users);
    const room = await createRoom({ type: "large_room_for_audio_only" });
    expect((await join(room.room_id, ...users)).status).toBe(200);
    const seen: string[] = [];
    let query = "?limit=2";
    for (let pages = 0; pages < 10; pages += 1) {
      const page = roomParticipantListSchema.parse((await t.call("GET", `/v1/rooms/${room.room_id}/participants${query}`)).json);
      seen.push(...page.participants.map((p) => p.user.user_id));
      if (!page.next) break;
      query = `?limit=2&next=${encodeURIComponent(page.next)}`;
    }
    expect(seen.toSorted()).toEqual(users);
  });

  test("pages participants with limit and next", async () => {
    await createUsers(t, "u1", "u2", "u3");
    const room = await createRoom({ type: "large_room_for_audio_only" });
    for (const u of ["u1", "u2", "u3"]) {
      expect((await join(room.room_id, u)).status).toBe(200);
      await advance(t, 1000);
    }
    const first = roomParticipantListSchema.parse((await t.call("GET", `/v1/rooms/${room.room_id}/participants?limit=2`)).json);
    expect(first.participants.map((p) => p.user.user_id)).toEqual(["u3", "u2"]);
    const rest = roomParticipantListSchema.parse(
      (await t.call("GET", `/v1/rooms/${room.room_id}/participants?limit=2&next=${encodeURIComponent(first.next ?? "")}`)).json,
    );
    expect(rest.participants.map((p) => p.user.user_id)).toEqual(["u1"]);
    expect(rest.next).toBeNull();
  });
});

describe("GET /v1/rooms/{room_id} cloud_recordings", () => {
  test.each([
    ["small_room_for_video", "room_video"],
    ["large_room_for_audio_only", "room_audio"],
  ])("lists a recording of a %s as %s with the room's id", async (type, targetType) => {
    const room = await createRoom({ type });
    await advance(t, minute);
    const added = await t.control("POST", `/rooms/${room.room_id}/recordings`, {});
    expect(added.status).toBe(200);
    expect((await getRoom(room.room_id)).cloud_recordings).toEqual([
      {
        recording_id: added.json.recording.recording_id,
        target_event_type: targetType,
        room_id: room.room_id,
        status: "completed",
        started_at: testNow,
        stopped_at: testNow + minute,
        duration: minute,
      },
    ]);
  });

  test("gives a recording that is still going a duration of 0, and its length once it completes", async () => {
    const room = await createRoom();
    const added = await t.control("POST", `/rooms/${room.room_id}/recordings`, { status: "recording" });
    expect((await getRoom(room.room_id)).cloud_recordings).toEqual([expect.objectContaining({ status: "recording", stopped_at: null, duration: 0 })]);
    await advance(t, minute);
    expect((await t.control("PUT", `/recordings/${added.json.recording.recording_id}`, { status: "completed" })).status).toBe(200);
    expect((await getRoom(room.room_id)).cloud_recordings).toEqual([
      expect.objectContaining({ status: "completed", stopped_at: testNow + minute, duration: minute }),
    ]);
  });
});

// The group-call docs: the rooms API only retrieves rooms and participants. Deleting a room and changing its
// custom items are Calls SDK calls, stood in for by the control plane (see control.test.ts).
describe("what the rooms API does not have", () => {
  test.each([
    ["GET", undefined],
    ["PUT", { custom_items: { a: "changed" } }],
    ["DELETE", { keys: ["a"] }],
  ])("%s /v1/rooms/{room_id}/custom_items is HTTP 400 code 400200 and changes nothing", async (method, body) => {
    const room = await createRoom({ type: "small_room_for_video", custom_items: { a: "1" } });
    const res = await t.call(method, `/v1/rooms/${room.room_id}/custom_items`, { body });
    expectCallsError(res, 400, 400200);
    expect(res.json.type).toBe("NOT_FOUND");
    expect(await getRoom(room.room_id)).toEqual(room);
  });

  test("DELETE /v1/rooms/{room_id} is HTTP 400 code 400200 naming GET in Allow, and the room stays open", async () => {
    await createUsers(t, "u1");
    const room = await createRoom();
    expect((await join(room.room_id, "u1")).status).toBe(200);
    const before = await getRoom(room.room_id);
    const res = await t.call("DELETE", `/v1/rooms/${room.room_id}`);
    expectCallsError(res, 400, 400200);
    expect(res.headers.get("allow")).toBe("GET");
    expect(await getRoom(room.room_id)).toEqual(before);
  });
});
