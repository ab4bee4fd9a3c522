import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { appendAudit } from "@/lib/audit/store";
import type { OpenDatabase } from "@/lib/db";
import { engines, freshDatabase } from "@/lib/db/testing";
import { startTestEmulator, testNow } from "@/lib/emulator/testing/harness";
import type { TestEmulator } from "@/lib/emulator/testing/harness";
import { runPass } from "@/lib/activity/crawler";
import { emulatedClient, noSendbird } from "@/lib/sendbird/testing/emulated";
import { supportBundle } from "./bundle";
import { caseFileTimeline, maxCalls } from "./timeline";
import type { TimelineEntry } from "./timeline";
import { caseFileQuerySchema } from "./timeline-query";

const hour = 3_600_000;

describe("a case file's timeline", () => {
  let t: TestEmulator;
  let d: OpenDatabase;
  const client = () => emulatedClient(t);
  const timeline = (raw: Record<string, string | string[]>) => caseFileTimeline(client(), d.db, "ada", caseFileQuerySchema.parse(raw));

  beforeAll(async () => {
    [t, d] = await Promise.all([startTestEmulator(), freshDatabase("pglite")]);
    for (const [user_id, nickname] of [
      ["ada", "Ada"],
      ["bob", "Bob"],
      ["cy", "Cy"],
    ]) {
      await t.call("POST", "/v3/users", { body: { user_id, nickname, profile_url: "" } });
    }
    await t.control("POST", "/direct-calls", {
      caller_id: "ada",
      callee_id: "bob",
      end_result: "completed",
      duration: 60_000,
      started_at: testNow - 48 * hour,
    });
    await t.control("POST", "/direct-calls", {
      caller_id: "cy",
      callee_id: "ada",
      end_result: "connection_lost",
      is_video_call: true,
      started_at: testNow - 2 * hour,
    });
    await t.control("POST", "/direct-calls", { caller_id: "bob", callee_id: "cy", end_result: "completed", started_at: testNow - hour });
    const row = { actorId: null, actorEmail: "operator@example.com", targetType: "user", targetId: "ada", requestId: "r", ip: "", userAgent: "" };
    await appendAudit(d.db, { ...row, action: "user.update", outcome: "success", at: new Date(testNow - 3 * hour) });
    await appendAudit(d.db, { ...row, action: "user.metadata.change", details: { key: "plan" }, outcome: "success", at: new Date(testNow - 50 * hour) });
    await appendAudit(d.db, { ...row, action: "user.view_case_file", outcome: "success", at: new Date(testNow - 90 * 60_000) });
    // Ada hosts one event and watches another; the activity index reads both.
    const c = client();
    const hosted = await c.liveEvents.create({ hostCandidates: ["ada"], title: "Ada's show" });
    const watched = await c.liveEvents.create({ hostCandidates: ["bob"], title: "Bob's show" });
    await t.control("POST", `/live-events/${hosted.id}/hosts`, { user_id: "ada" });
    await c.liveEvents.setReady(watched.id);
    await t.control("POST", `/live-events/${watched.id}/participants/join`, { user_ids: ["ada", "cy"] });
    expect(await runPass({ db: d.db, client: c, windowMs: 86_400_000, now: () => testNow + 1000, instance: "test" })).toMatchObject({
      outcome: "finished",
      crawled: 2,
    });
  }, 30_000);
  afterAll(async () => {
    await t.close();
    await d.close();
  });

  const line = (e: TimelineEntry) =>
    e.kind === "call"
      ? `call ${e.role} ${e.other?.userId} ${e.endResult}`
      : e.kind === "change"
        ? `change ${e.action}${e.subject ? ` ${e.subject}` : ""}`
        : `${e.kind} ${e.title}`;

  test("merges the events hosted and watched, the calls and staff changes newest first, with the other party and the role", async () => {
    const { entries } = await timeline({});
    expect(entries.slice(0, 2).map(line).sort()).toEqual(["hosted Ada's show", "watched Bob's show"]);
    expect(entries.slice(2).map(line)).toEqual([
      "call callee cy connection_lost",
      "change user.update",
      "call caller bob completed",
      "change user.metadata.change plan",
    ]);
  });

  test("filters by kind and by time range", async () => {
    expect((await timeline({ kind: "changes" })).entries.map((e) => e.kind)).toEqual(["change", "change"]);
    expect((await timeline({ kind: "watched" })).entries.map(line)).toEqual(["watched Bob's show"]);
    expect((await timeline({ kind: ["hosted", "changes"] })).entries.map(line)).toEqual([
      "hosted Ada's show",
      "change user.update",
      "change user.metadata.change plan",
    ]);
    expect((await timeline({ to: new Date(testNow - hour).toISOString().slice(0, 16) })).entries.map((e) => e.kind)).not.toContain("hosted");
    const day = new Date(testNow - 2 * hour).toISOString().slice(0, 10);
    const recent = await timeline({ from: day, kind: ["calls"] });
    expect(recent.entries.map((e) => (e.kind === "call" ? e.other?.userId : null))).toEqual(["cy"]);
  });

  test("reads made and received calls at once, and stops the merge where a walk cut short stops", async () => {
    await t.call("POST", "/v3/users", { body: { user_id: "dee", nickname: "Dee", profile_url: "" } });
    for (let i = 0; i < 510; i += 1)
      await t.control("POST", "/direct-calls", { caller_id: "dee", callee_id: "bob", end_result: "completed", started_at: testNow - (i + 1) * hour });
    await t.control("POST", "/direct-calls", { caller_id: "bob", callee_id: "dee", end_result: "declined", started_at: testNow - 30 * 60_000 });
    await t.control("POST", "/direct-calls", { caller_id: "cy", callee_id: "dee", end_result: "declined", started_at: testNow - 600 * hour });
    const read = await caseFileTimeline(client(), d.db, "dee", caseFileQuerySchema.parse({ kind: "calls" }));
    expect(read.callsTruncated).toBe(true);
    expect(read.entries).toHaveLength(maxCalls);
    expect(read.entries[0]).toMatchObject({ role: "callee", other: { userId: "bob" } });
    // The made calls were cut at 500; the received call older than that cut is left out, not shown out of order.
    expect(read.entries.some((e) => e.kind === "call" && e.other?.userId === "cy")).toBe(false);
    expect(read.entries.at(-1)?.at).toBe(testNow - 499 * hour);
  }, 60_000);

  test("refuses a range that ends before it starts", () => {
    expect(caseFileQuerySchema.safeParse({ from: "2026-11-02", to: "2026-11-01" }).error?.issues[0]?.message).toBe("The end of the range is before its start.");
    expect(caseFileQuerySchema.safeParse({ kind: "watched-everything" }).success).toBe(false);
  });

  test("reads a preset as the window ending now, a custom range to the minute, and refuses a preset with dates", () => {
    const before = Date.now();
    const day = caseFileQuerySchema.parse({ range: "24h" });
    expect(day.range).toBe("24h");
    expect((day.to ?? 0) - (day.from ?? 0)).toBe(24 * hour);
    expect(day.to).toBeGreaterThanOrEqual(before);
    expect(caseFileQuerySchema.parse({ from: "2026-11-02T08:30", to: "2026-11-02T09:45" })).toMatchObject({
      range: "custom",
      from: Date.UTC(2026, 10, 2, 8, 30),
      to: Date.UTC(2026, 10, 2, 9, 45),
    });
    expect(caseFileQuerySchema.parse({}).range).toBeUndefined();
    // The form sends every field: an empty window is all time, empty dates are no dates.
    expect(caseFileQuerySchema.parse({ range: "", from: "", to: "", kind: "calls" })).toMatchObject({ range: undefined, from: undefined, kind: ["calls"] });
    expect(caseFileQuerySchema.safeParse({ range: "24h", from: "2026-11-02" }).error?.issues[0]?.message).toMatch(/^A preset window ends now/);
    expect(caseFileQuerySchema.safeParse({ range: "2d" }).error?.issues[0]?.message).toMatch(/^Choose the last hour/);
  });

  test("exports the support bundle as JSON and CSV, counting its entries", async () => {
    const viewer = { id: crypto.randomUUID(), email: "support@example.com", name: "", role: "support" as const, mustChangePassword: false };
    const base = { viewer, userId: "ada", query: caseFileQuerySchema.parse({}) };
    const bundle = await supportBundle(client(), d.db, { ...base, format: "json" });
    expect(bundle.entries).toBe(6);
    const json = JSON.parse(bundle.body) as { profile: { userId: string }; timeline: Record<string, unknown>[]; exportedBy: string };
    expect(json).toMatchObject({ profile: { userId: "ada" }, exportedBy: "support@example.com" });
    expect(json.timeline).toHaveLength(6);
    const csv = (await supportBundle(client(), d.db, { ...base, format: "csv" })).body.split("\r\n");
    // One table: the header, the profile's row, then one row per entry, each time as ISO 8601 and epoch ms.
    expect(csv[0]).toBe(
      "kind,time,time_ms,summary,user_id,other_user,role,end_result,dashboard_label,duration_s,call_id,live_event_id,entered_at,entered_at_ms,exited_at,exited_at_ms,actor,outcome",
    );
    expect(csv).toHaveLength(1 + 1 + 6 + 1);
    expect(csv[1]).toMatch(/^profile,\d{4}-\d\d-\d\dT[\d:.]+Z,\d+,"Ada, active; exported [^"]+ by support@example.com",ada,/);
    expect(
      csv
        .slice(2, 4)
        .map((r) => r.split(",").slice(0, 1).concat(r.split(",").slice(3, 4)).join(","))
        .sort(),
    ).toEqual(['hosted,"Hosted ""Ada\'s show"" (event created)"', 'watched,"Watched ""Bob\'s show"" (event ready)"']);
    const dropped = csv[4]?.split(",") ?? [];
    expect(dropped.slice(0, 1).concat(dropped.slice(3, 10))).toEqual([
      "call",
      "Video call: Dropped: the connection was lost during the call",
      "ada",
      "cy",
      "callee",
      "connection_lost",
      "dropped",
      "60",
    ]);
    expect(new Date(dropped[1] ?? "").getTime()).toBe(Number(dropped[2]));
    expect(json.timeline[0]).toMatchObject({ at: expect.any(Number), atUtc: expect.stringMatching(/Z$/) });
    expect(csv.at(-2)).toMatch(/^change,.*,user.metadata.change plan,ada,/);
  });
});

describe.each(engines)("a case file's staff changes on %s", (engine) => {
  let d: OpenDatabase;
  beforeAll(async () => {
    d = await freshDatabase(engine);
  });
  afterAll(() => d.close());

  test("keep a change however many times the case file was opened since", async () => {
    const row = { actorId: null, actorEmail: "support@example.com", targetType: "user", targetId: "ada", requestId: "r", ip: "", userAgent: "" };
    await appendAudit(d.db, { ...row, action: "user.update", outcome: "success", at: new Date(testNow - 10 * hour) });
    // Views, exports and refreshes are reads: 2,000 of them after the change, more than a page of the trail.
    const reads = ["user.view_case_file", "user.export_bundle", "user.refresh_activity"];
    for (let i = 0; i < 2_000; i += 1) {
      await appendAudit(d.db, {
        ...row,
        action: reads[i % reads.length] ?? "user.view_case_file",
        outcome: "success",
        at: new Date(testNow - 9 * hour + i * 1000),
      });
    }
    const { entries } = await caseFileTimeline(noSendbird, d.db, "ada", caseFileQuerySchema.parse({ kind: "changes" }));
    expect(entries.map((e) => (e.kind === "change" ? e.action : e.kind))).toEqual(["user.update"]);
  }, 120_000);
});
