import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestEmulator, testNow } from "@/lib/emulator/testing/harness";
import type { TestEmulator } from "@/lib/emulator/testing/harness";
import { emulatedClient } from "@/lib/sendbird/testing/emulated";
import { SendbirdServerError } from "@/lib/sendbird/errors";
import { activityEvents } from "@/lib/db/schema";
import { freshDatabase } from "@/lib/db/testing";
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
    expect(await jump(client(), null, "Ad")).toEqual({ users: [expect.objectContaining({ userId: "ada" })], liveEvents: [], call: null });
    expect(await jump(client(), null, eventId)).toEqual({ users: [], liveEvents: [{ id: eventId, title: "Launch", state: "created", by: "id" }], call: null });
    await t.call("POST", "/v3/users", { body: { user_id: "bo b", nickname: "Bob", profile_url: "" } });
    const made = await t.control("POST", "/direct-calls", { caller_id: "bo b", callee_id: "ada", end_result: "declined", started_at: testNow });
    const callId: string = made.json.call.call_id;
    expect(await jump(client(), null, callId)).toEqual({
      users: [],
      liveEvents: [],
      call: { callId, caller: "bo b", callee: "ada", startedAt: testNow, endResult: "declined", href: `/calls/${callId}` },
    });
  });

  test("finds live events by words of their title in the activity index, the exact id first, % and _ taken literally", async () => {
    const d = await freshDatabase("pglite");
    try {
      const at = new Date(testNow);
      const row = (liveEventId: string, title: string, minutes: number) => ({
        liveEventId,
        title,
        state: "ended",
        createdAt: new Date(testNow - minutes * 60_000),
        crawledAt: at,
      });
      await d.db.insert(activityEvents).values([row("e-old", "Morning yoga (EU)", 90), row("e-new", "Evening YOGA", 10), row("e-pct", "100% yoga_fans", 5)]);
      const titled = (await jump(client(), d.db, "yoga")).liveEvents;
      expect(titled.map((e) => [e.id, e.by])).toEqual([
        ["e-pct", "title"],
        ["e-new", "title"],
        ["e-old", "title"],
      ]);
      expect((await jump(client(), d.db, "a_f")).liveEvents.map((e) => e.id)).toEqual(["e-pct"]);
      expect((await jump(client(), d.db, "%")).liveEvents.map((e) => e.id)).toEqual([]);
      await d.db.insert(activityEvents).values(row(eventId, "Launch", 1));
      expect((await jump(client(), d.db, eventId)).liveEvents).toEqual([{ id: eventId, title: "Launch", state: "created", by: "id" }]);
    } finally {
      await d.close();
    }
  });

  test("finds nothing, without failing, for text that is no id at all", async () => {
    expect(await jump(client(), null, "no such thing / ü %")).toEqual({ users: [], liveEvents: [], call: null });
  });

  test("lets a failing Sendbird fail the search rather than say nothing matched", async () => {
    const fault = await t.control("POST", "/faults", { method: "GET", path: "/v1/live-events/*", status: 500 });
    try {
      await expect(jump(client(), null, "ada")).rejects.toBeInstanceOf(SendbirdServerError);
    } finally {
      await t.control("DELETE", `/faults/${fault.json.fault.id}`);
    }
  });
});
