import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestEmulator } from "@/lib/emulator/testing/harness";
import type { TestEmulator } from "@/lib/emulator/testing/harness";
import { createSendbirdClient } from "@/lib/sendbird/client";
import { SendbirdServerError } from "@/lib/sendbird/errors";
import { liveEventsCsv } from "./listing";
import { liveEventsQuerySchema } from "./query";

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("the live-events CSV", () => {
  let t: TestEmulator;
  const client = () => createSendbirdClient({ apiToken: t.master, callsBaseUrl: t.running.callsBaseUrl, chatBaseUrl: t.running.chatBaseUrl, retryBaseMs: 5, maxRetries: 1 });

  beforeAll(async () => {
    t = await startTestEmulator({ seed: 7, size: "demo" });
  });
  afterAll(() => t.close());

  test("holds every event matching the filters, across pages, one line each", async () => {
    const ended = t.emulator.store.liveEventOrder.filter((e) => e.state === "ended");
    expect(ended.length).toBeGreaterThan(100);
    const csv = await text(await liveEventsCsv(liveEventsQuerySchema.parse({ state: "ended", limit: "10" }), client()));
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("live_event_id,title,state,type,hosts,participants_now,peak_participants,cumulative_participants,created_at,started_at,ended_at,duration_s,created_by");
    expect(lines).toHaveLength(ended.length + 1);
    expect(new Set(lines.slice(1).map((l) => l.split(",")[0]))).toEqual(new Set(ended.map((e) => e.live_event_id)));
  });

  test("keeps a spreadsheet from running a title as a formula", async () => {
    const made = await t.call("POST", "/v1/live-events", { body: { host_type: "single_host", user_ids_for_host: ["h"], title: "=HYPERLINK(\"x\")" } });
    const csv = await text(await liveEventsCsv(liveEventsQuerySchema.parse({ ids: made.json.live_event.live_event_id }), client()));
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });

  test("fails before the download starts when Sendbird does", async () => {
    const fault = await t.control("POST", "/faults", { method: "GET", path: "/v1/live-events", status: 500 });
    try {
      await expect(liveEventsCsv(liveEventsQuerySchema.parse({}), client())).rejects.toBeInstanceOf(SendbirdServerError);
    } finally {
      await t.control("DELETE", `/faults/${fault.json.fault.id}`);
    }
  });
});
