import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runAction } from "@/lib/actions/core";
import { listAudit, verifyChain } from "@/lib/audit/store";
import type { SessionUser } from "@/lib/auth/session";
import type { OpenDatabase } from "@/lib/db";
import { freshDatabase } from "@/lib/db/testing";
import { startTestEmulator } from "@/lib/emulator/testing/harness";
import type { CallResult, TestEmulator } from "@/lib/emulator/testing/harness";
import { emulatedClient } from "@/lib/sendbird/testing/emulated";
import { copyRecording } from "./actions";

const meta = { requestId: "req-recordings", ip: "192.0.2.70", userAgent: "test" };
const operator: SessionUser = { id: crypto.randomUUID(), email: "operator@example.com", name: "", role: "operator", mustChangePassword: false };
const keys = { bucket: "show-archive", region: "us-east-1", accessKey: "AKIAIOSFODNN7EXAMPLE", secretKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" };

describe("copying a recording to S3", () => {
  let t: TestEmulator;
  let d: OpenDatabase;
  const copy = (input: { liveEventId: string; recordingId: string }) =>
    runAction(copyRecording, { ...input, ...keys }, { user: operator, db: d.db, sendbird: emulatedClient(t), meta });
  const okJson = (res: CallResult) => {
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    return res.json;
  };
  /** A new event on air with one completed cloud recording. */
  const recordedEvent = async (title: string): Promise<{ eventId: string; recordingId: string }> => {
    const eventId: string = okJson(await t.call("POST", "/v1/live-events", { body: { user_ids_for_host: ["host1"], title } })).live_event.live_event_id;
    okJson(await t.call("POST", `/v1/live-events/${eventId}/ready`));
    okJson(await t.control("POST", `/live-events/${eventId}/hosts`, { user_id: "host1" }));
    const recordingId: string = okJson(await t.control("POST", `/live-events/${eventId}/recordings`, { status: "completed" })).recording.recording_id;
    return { eventId, recordingId };
  };
  /** Copy requests the emulator has seen for a recording. */
  const copiesOf = (recordingId: string) =>
    t.emulator.journal.last(500).filter((r) => r.method === "POST" && r.path.includes(`/cloud-recordings/${recordingId}/copy`));

  beforeAll(async () => {
    [t, d] = await Promise.all([startTestEmulator(), freshDatabase("pglite")]);
    okJson(await t.call("POST", "/v3/users", { body: { user_id: "host1", nickname: "Host", profile_url: "" } }));
  }, 30_000);
  afterAll(async () => {
    await t.close();
    await d.close();
  });

  test("copies a recording of the event it names, and the audit row names that event", async () => {
    const own = await recordedEvent("Keynote");
    const result = await copy({ liveEventId: own.eventId, recordingId: own.recordingId });
    expect(result).toMatchObject({ ok: true, data: { recordingId: own.recordingId, bucket: "show-archive", region: "us-east-1" } });
    expect(copiesOf(own.recordingId)).toHaveLength(1);
    const [row] = await listAudit(d.db, { targetId: own.recordingId });
    expect(row).toMatchObject({
      action: "recording.copy",
      outcome: "success",
      targetType: "cloud_recording",
      details: { live_event_id: own.eventId, bucket: "show-archive" },
    });
  });

  test("refuses a recording of another event, copies nothing and audits no row naming the wrong event", async () => {
    const named = await recordedEvent("Named in the request");
    const holder = await recordedEvent("Really holds the recording");
    const result = await copy({ liveEventId: named.eventId, recordingId: holder.recordingId });
    expect(result).toMatchObject({ ok: false, error: { code: "not_found", message: expect.stringContaining("not one of this live event's recordings") } });
    expect(copiesOf(holder.recordingId)).toEqual([]);
    const rows = await listAudit(d.db, { targetId: holder.recordingId });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: "recording.copy", outcome: "failure", targetType: "cloud_recording" });
    expect(JSON.stringify(rows)).not.toContain(named.eventId);
    expect(await verifyChain(d.db)).toMatchObject({ intact: true });
  });

  test("refuses a recording id no event holds, without asking Sendbird to copy it", async () => {
    const named = await recordedEvent("No such recording here");
    const result = await copy({ liveEventId: named.eventId, recordingId: "not-a-recording" });
    expect(result).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(copiesOf("not-a-recording")).toEqual([]);
  });
});
