import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestEmulator } from "@/lib/emulator/testing/harness";
import type { TestEmulator } from "@/lib/emulator/testing/harness";
import { createSendbirdClient } from "@/lib/sendbird/client";
import { SendbirdNotFoundError } from "@/lib/sendbird/errors";
import { loadRoom } from "./rooms";

describe("a room's page", () => {
  let t: TestEmulator;
  let roomId = "";
  const client = () =>
    createSendbirdClient({ apiToken: t.master, callsBaseUrl: t.running.callsBaseUrl, chatBaseUrl: t.running.chatBaseUrl, retryBaseMs: 5, maxRetries: 0 });

  beforeAll(async () => {
    t = await startTestEmulator();
    await t.call("POST", "/v3/users", { body: { user_id: "ada", nickname: "Ada", profile_url: "" } });
    roomId = (await t.call("POST", "/v1/rooms", { body: { type: "small_room_for_video" } })).json.room.room_id;
    expect((await t.control("POST", `/rooms/${roomId}/participants/join`, { user_ids: ["ada"] })).status).toBe(200);
  });
  afterAll(() => t.close());

  test("reads the room with a page of everyone who entered it", async () => {
    const loaded = await loadRoom(client(), roomId, undefined);
    expect(loaded.room).toMatchObject({ roomId });
    expect(loaded.raw).toMatchObject({ room_id: roomId });
    expect(loaded.participants).toMatchObject({ ok: true, value: { items: [expect.objectContaining({ userId: "ada" })] } });
  });

  test("keeps a failed participants read (a stale page token) for its section; the room still shows", async () => {
    const loaded = await loadRoom(client(), roomId, "not-a-page-of-this-list");
    expect(loaded.room).toMatchObject({ roomId });
    expect(loaded.participants).toMatchObject({ ok: false, error: expect.any(Error) });
  });

  test("rejects a room Sendbird does not know", async () => {
    await expect(loadRoom(client(), "no-such-room", undefined)).rejects.toBeInstanceOf(SendbirdNotFoundError);
  });
});
