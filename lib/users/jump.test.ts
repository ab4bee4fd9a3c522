import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestEmulator, testNow } from "@/lib/emulator/testing/harness";
import type { TestEmulator } from "@/lib/emulator/testing/harness";
import { emulatedClient } from "@/lib/sendbird/testing/emulated";
import { SendbirdServerError } from "@/lib/sendbird/errors";
import { jump } from "./jump";

describe("jump to", () => {
  let t: TestEmulator;
  let eventId = "";
  const client = () => emulatedClient(t, { maxRetries: 0 });

  beforeAll(async () => {
    t = await startTestEmulator();
    await t.call("POST", "/v3/users", { body: { user_id: "ada", nickname: "Ada", profile_url: "" } });
    const made = await t.call("POST", "/v1/live-events", { body: { host_type: "single_host", user_ids_for_host: ["ada"], title: "Launch" } });
    eventId = made.json.live_event.live_event_id;
  });
  afterAll(() => t.close());

  test("finds users by id or nickname prefix, and a live event or a direct call by its exact id", async () => {
    expect(await jump(client(), "Ad")).toEqual({ users: [expect.objectContaining({ userId: "ada" })], liveEvent: null, call: null });
    expect(await jump(client(), eventId)).toEqual({ users: [], liveEvent: { id: eventId, title: "Launch", state: "created" }, call: null });
    await t.call("POST", "/v3/users", { body: { user_id: "bo b", nickname: "Bob", profile_url: "" } });
    const made = await t.control("POST", "/direct-calls", { caller_id: "bo b", callee_id: "ada", end_result: "declined", started_at: testNow });
    const callId: string = made.json.call.call_id;
    expect(await jump(client(), callId)).toEqual({
      users: [],
      liveEvent: null,
      call: { callId, caller: "bo b", callee: "ada", startedAt: testNow, endResult: "declined", href: `/calls/${callId}` },
    });
  });

  test("finds nothing, without failing, for text that is no id at all", async () => {
    expect(await jump(client(), "no such thing / ü %")).toEqual({ users: [], liveEvent: null, call: null });
  });

  test("lets a failing Sendbird fail the search rather than say nothing matched", async () => {
    const fault = await t.control("POST", "/faults", { method: "GET", path: "/v1/live-events/*", status: 500 });
    try {
      await expect(jump(client(), "ada")).rejects.toBeInstanceOf(SendbirdServerError);
    } finally {
      await t.control("DELETE", `/faults/${fault.json.fault.id}`);
    }
  });
});
