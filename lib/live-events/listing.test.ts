import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { recordHostSightings } from "@/lib/activity/hosts";
import type { OpenDatabase } from "@/lib/db";
import { freshDatabase } from "@/lib/db/testing";
import { startTestEmulator } from "@/lib/emulator/testing/harness";
import type { TestEmulator } from "@/lib/emulator/testing/harness";
import { emulatedClient } from "@/lib/sendbird/testing/emulated";
import { SendbirdServerError } from "@/lib/sendbird/errors";
import { listLiveEvents, liveEventsCsv, onAirMs } from "./listing";
import { liveEventsQuerySchema } from "./query";

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("the live-events CSV", () => {
  let t: TestEmulator;
  let d: OpenDatabase;
  const client = () => emulatedClient(t, { retryBaseMs: 5, maxRetries: 1 });

  beforeAll(async () => {
    [t, d] = await Promise.all([startTestEmulator({ seed: 7, size: "demo" }), freshDatabase("pglite")]);
  });
  afterAll(async () => {
    await t.close();
    await d.close();
  });

  test("holds every event matching the filters, across pages, one line each", async () => {
    const ended = t.emulator.store.liveEventOrder.filter((e) => e.state === "ended");
    expect(ended.length).toBeGreaterThan(100);
    const csv = await text(await liveEventsCsv(client(), d.db, liveEventsQuerySchema.parse({ state: "ended", limit: "10" })));
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "live_event_id,title,state,type,hosts,hosts_from,participants_now,peak_participants,cumulative_participants,created_at,started_at,ended_at,on_air_s,created_to_ended_s,created_by",
    );
    expect(lines).toHaveLength(ended.length + 1);
    expect(new Set(lines.slice(1).map((l) => l.split(",")[0]))).toEqual(new Set(ended.map((e) => e.live_event_id)));
  });

  test("counts on-air time as Sendbird does, or from start to end when it gives none", () => {
    expect(onAirMs({ durationMs: 90_000, startedAt: 0, endedAt: 60_000 })).toBe(90_000);
    expect(onAirMs({ durationMs: 0, startedAt: 1_000, endedAt: 61_000 })).toBe(60_000);
    expect(onAirMs({ durationMs: 0, startedAt: null, endedAt: 61_000 })).toBeNull();
  });

  test("keeps a spreadsheet from running a title as a formula", async () => {
    const made = await t.call("POST", "/v1/live-events", { body: { host_type: "single_host", user_ids_for_host: ["h"], title: '=HYPERLINK("x")' } });
    const csv = await text(await liveEventsCsv(client(), d.db, liveEventsQuerySchema.parse({ ids: made.json.live_event.live_event_id })));
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });

  test("names the hosts of an ended event as the activity index saw them, and says so", async () => {
    const id: string = (await t.call("POST", "/v1/live-events", { body: { host_type: "single_host", user_ids_for_host: ["ada"], title: "Hosted" } })).json
      .live_event.live_event_id;
    await t.call("POST", `/v1/live-events/${id}/ready`);
    await t.call("POST", `/v1/live-events/${id}/start`);
    await t.control("POST", `/live-events/${id}/hosts`, { user_id: "ada" });
    const onAir = await client().liveEvents.retrieve(id);
    await recordHostSightings(d.db, [{ event: onAir, at: Date.now() }]);
    await t.call("DELETE", `/v1/live-events/${id}`);
    expect((await client().liveEvents.retrieve(id)).hosts).toEqual([]);

    const [, line] = (await text(await liveEventsCsv(client(), d.db, liveEventsQuerySchema.parse({ ids: id })))).trimEnd().split("\r\n");
    expect(line?.split(",").slice(0, 6)).toEqual([id, "Hosted", "ended", "video", "ada", "activity_index"]);
    // Without the index, an ended event that went on air names its host candidates, and says they are only that.
    const withoutIndex = await text(await liveEventsCsv(client(), null, liveEventsQuerySchema.parse({ ids: id })));
    expect(withoutIndex.trimEnd().split("\r\n")[1]?.split(",").slice(4, 6)).toEqual(["ada", "host_candidates"]);
  });

  test("finds events by title from the activity index, Sendbird applying the other filters, and says how", async () => {
    const c = client();
    const yoga = await c.liveEvents.create({ hostCandidates: ["ada"], title: "Morning Yoga (EU)" });
    const other = await c.liveEvents.create({ hostCandidates: ["ada"], title: "Evening yoga" });
    await c.liveEvents.setReady(other.id);
    await c.liveEvents.create({ hostCandidates: ["ada"], title: "Unindexed yoga" });
    await recordHostSightings(d.db, [
      { event: yoga, at: Date.now() },
      { event: await c.liveEvents.retrieve(other.id), at: Date.now() },
    ]);
    const listed = await listLiveEvents(c, d.db, liveEventsQuerySchema.parse({ title: "YOGA" }));
    expect(listed.rows.map((r) => r.title).sort()).toEqual(["Evening yoga", "Morning Yoga (EU)"]);
    expect(listed.titleSearch).toMatchObject({ title: "YOGA", source: "index", matched: 2, more: false });
    const ready = await listLiveEvents(c, d.db, liveEventsQuerySchema.parse({ title: "yoga", state: "ready" }));
    expect(ready.rows.map((r) => r.title)).toEqual(["Evening yoga"]);
    const none = await listLiveEvents(c, d.db, liveEventsQuerySchema.parse({ title: "pilates" }));
    expect(none).toMatchObject({ rows: [], titleSearch: { source: "index", matched: 0 } });
    // Without the index the title cannot be applied: the other filters still are, and the page says so.
    const off = await listLiveEvents(c, null, liveEventsQuerySchema.parse({ title: "yoga", limit: "10" }));
    expect(off.titleSearch).toMatchObject({ source: "off" });
    expect(off.rows).toHaveLength(10);
    const csv = (await text(await liveEventsCsv(c, d.db, liveEventsQuerySchema.parse({ title: "yoga" })))).trimEnd().split("\r\n");
    expect(
      csv
        .slice(1)
        .map((l) => l.split(",")[1])
        .sort(),
    ).toEqual(["Evening yoga", "Morning Yoga (EU)"]);
    expect(liveEventsQuerySchema.safeParse({ title: "x".repeat(192) }).error?.issues[0]?.message).toBe("A title is at most 191 characters.");
  });

  test("fails before the download starts when Sendbird does", async () => {
    const fault = await t.control("POST", "/faults", { method: "GET", path: "/v1/live-events", status: 500 });
    try {
      await expect(liveEventsCsv(client(), d.db, liveEventsQuerySchema.parse({}))).rejects.toBeInstanceOf(SendbirdServerError);
    } finally {
      await t.control("DELETE", `/faults/${fault.json.fault.id}`);
    }
  });
});
