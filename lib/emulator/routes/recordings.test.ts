import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { liveEventEnvelopeSchema, recordingCopyResponseSchema } from "@/lib/sendbird/schemas";
import { advance, createUsers, expectCallsError, startTestEmulator, testNow } from "../testing/harness";
import type { TestEmulator } from "../testing/harness";

const minute = 60_000;

let t: TestEmulator;
beforeEach(async () => {
  t = await startTestEmulator();
});
afterEach(() => t.close());

describe("POST /v1/cloud-recordings/{recording_id}/copy", () => {
  const copyBody = { access_key: "AKIAEXAMPLE", secret_key: "s3cr3t", bucket: "showrunner-archive", region: "us-east-1" };

  async function recording(status: string): Promise<{ eventId: string; recordingId: string }> {
    const event = await t.call("POST", "/v1/live-events", { body: { host_type: "single_host", user_ids_for_host: ["host-alice"] } });
    expect(event.status).toBe(200);
    const eventId: string = event.json.live_event.live_event_id;
    const res = await t.control("POST", `/live-events/${eventId}/recordings`, { status });
    expect(res.status).toBe(200);
    return { eventId, recordingId: res.json.recording.recording_id };
  }

  test("copies a completed recording and answers with the copy request", async () => {
    const { eventId, recordingId } = await recording("completed");
    expect(liveEventEnvelopeSchema.parse((await t.call("GET", `/v1/live-events/${eventId}`)).json).live_event.cloud_recordings).toMatchObject([
      { recording_id: recordingId, status: "completed", live_event_id: eventId },
    ]);
    await advance(t, minute);
    const res = await t.call("POST", `/v1/cloud-recordings/${recordingId}/copy`, { body: copyBody });
    expect(res.status).toBe(200);
    expect(recordingCopyResponseSchema.parse(res.json)).toEqual({
      recording_id: recordingId,
      bucket: "showrunner-archive",
      region: "us-east-1",
      status: "copying",
      requested_at: testNow + minute,
    });
    expect(JSON.stringify(res.json)).not.toContain("s3cr3t");
    const journal = JSON.stringify((await t.control("GET", "/journal?limit=5")).json);
    expect(journal).toContain("showrunner-archive");
    expect(journal).not.toContain("s3cr3t");
    expect(journal).not.toContain("AKIAEXAMPLE");
  });

  test("copies a completed recording of a group-call room", async () => {
    const room = await t.call("POST", "/v1/rooms", { body: { type: "small_room_for_video" } });
    expect(room.status).toBe(200);
    const added = await t.control("POST", `/rooms/${room.json.room.room_id}/recordings`, {});
    expect(added.status).toBe(200);
    const res = await t.call("POST", `/v1/cloud-recordings/${added.json.recording.recording_id}/copy`, { body: copyBody });
    expect(res.status).toBe(200);
    expect(recordingCopyResponseSchema.parse(res.json)).toMatchObject({ recording_id: added.json.recording.recording_id, status: "copying" });
  });

  test("refuses a completed recording of a direct call with HTTP 401 code 401120", async () => {
    await createUsers(t, "alice", "bob");
    const call = await t.control("POST", "/direct-calls", { caller_id: "alice", callee_id: "bob", end_result: "completed", duration: minute });
    expect(call.status).toBe(200);
    const added = await t.control("POST", `/direct-calls/${call.json.call.call_id}/recordings`, { status: "completed" });
    expect(added.status).toBe(200);
    const res = await t.call("POST", `/v1/cloud-recordings/${added.json.recording.recording_id}/copy`, { body: copyBody });
    expectCallsError(res, 401, 401120, "NOT_ALLOWED");
  });

  test.each(["ready", "recording", "paused", "uploading", "failed"])("refuses a %s recording with HTTP 401 code 401120", async (status) => {
    const { recordingId } = await recording(status);
    expectCallsError(await t.call("POST", `/v1/cloud-recordings/${recordingId}/copy`, { body: copyBody }), 401, 401120, "NOT_ALLOWED");
  });

  test.each([
    ["another region", { region: "eu-west-1" }, 400100],
    ["a region that is not an AWS region", { region: "moon" }, 400100],
    ["an invalid bucket name", { bucket: "Not_A_Bucket" }, 400100],
    ["no access_key", { access_key: undefined }, 400111],
    ["no secret_key", { secret_key: undefined }, 400111],
    ["no bucket", { bucket: undefined }, 400111],
    ["no region", { region: undefined }, 400111],
    ["a secret_key that is not a string", { secret_key: 42 }, 400100],
  ])("refuses %s with HTTP 400", async (_name, override, code) => {
    const { recordingId } = await recording("completed");
    expectCallsError(await t.call("POST", `/v1/cloud-recordings/${recordingId}/copy`, { body: { ...copyBody, ...override } }), 400, code);
  });

  test("names a missing secret_key with type MISSING_PARAMS", async () => {
    const { recordingId } = await recording("completed");
    const { secret_key: _secret, ...withoutSecret } = copyBody;
    expectCallsError(await t.call("POST", `/v1/cloud-recordings/${recordingId}/copy`, { body: withoutSecret }), 400, 400111, "MISSING_PARAMS");
  });

  test("is HTTP 400 code 400200 for an unknown recording", async () => {
    expectCallsError(await t.call("POST", "/v1/cloud-recordings/nope/copy", { body: copyBody }), 400, 400200, "NOT_FOUND");
  });
});
