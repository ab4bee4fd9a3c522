import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { appendAudit, listAudit } from "@/lib/audit/store";
import { auditExport } from "@/lib/audit/csv";
import type { SessionUser } from "@/lib/auth/session";
import { callsExport } from "@/lib/calls/listing";
import { callsQuerySchema } from "@/lib/calls/query";
import type { OpenDatabase } from "@/lib/db";
import { freshDatabase } from "@/lib/db/testing";
import { startTestEmulator } from "@/lib/emulator/testing/harness";
import type { TestEmulator } from "@/lib/emulator/testing/harness";
import { liveEventsExport } from "@/lib/live-events/listing";
import { liveEventsQuerySchema } from "@/lib/live-events/query";
import { createSendbirdClient } from "@/lib/sendbird/client";
import { bundleExport } from "@/lib/users/bundle";
import { caseFileQuerySchema } from "@/lib/users/timeline-query";
import type { ExportJob } from "./job";
import { exportRetryAfterSeconds, runExport } from "./run";
import { ExportSlots } from "./slots";

describe("an export", () => {
  let t: TestEmulator;
  let d: OpenDatabase;
  const client = () =>
    createSendbirdClient({
      apiToken: t.master,
      callsBaseUrl: t.running.callsBaseUrl,
      chatBaseUrl: t.running.chatBaseUrl,
      throttle: false,
      retryBaseMs: 5,
      maxRetries: 1,
    });
  const account = (email: string): SessionUser => ({ id: randomUUID(), email, name: "", role: "support", mustChangePassword: false });
  const run = (job: ExportJob, path: string, user: SessionUser, slots = new ExportSlots(), init: RequestInit = {}) =>
    runExport(job, {
      db: d.db,
      user,
      slots,
      request: new Request(`http://console.test${path}`, { headers: { "user-agent": "vitest", "x-forwarded-for": "192.0.2.7" }, ...init }),
    });
  const allCalls = () => callsExport(client(), callsQuerySchema.parse({}));
  /** The newest audit row of `action` by `user`. */
  const auditRow = async (action: string, user: SessionUser) => (await listAudit(d.db, { action, actor: user.email, limit: 1 }))[0];
  const lines = async (response: Response) => (await response.text()).trimEnd().split("\r\n");

  beforeAll(async () => {
    [t, d] = await Promise.all([startTestEmulator({ seed: 7, size: "demo" }), freshDatabase("pglite")]);
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await d.close();
  });

  test("audits a live-events export when it ends: who, the filters and every row sent", async () => {
    const user = account("events@example.com");
    const response = await run(liveEventsExport(client(), d.db, liveEventsQuerySchema.parse({ state: "ended" })), "/api/live-events/export?state=ended", user);
    expect(response.status).toBe(200);
    const ended = t.emulator.store.liveEventOrder.filter((e) => e.state === "ended").length;
    expect(await lines(response)).toHaveLength(ended + 1);
    expect(await auditRow("live_event.export", user)).toMatchObject({
      actorId: user.id,
      targetType: "live_event",
      outcome: "success",
      ip: "192.0.2.7",
      userAgent: "vitest",
      details: { filters: "?state=ended", rows: ended, completed: true },
    });
  });

  test("audits a direct-calls export with its filters and row count", async () => {
    const user = account("calls@example.com");
    const response = await run(callsExport(client(), callsQuerySchema.parse({ endResult: "declined" })), "/api/calls/export?endResult=declined", user);
    const rows = (await lines(response)).length - 1;
    expect(rows).toBeGreaterThan(0);
    expect(await auditRow("direct_call.export", user)).toMatchObject({
      targetType: "direct_call",
      outcome: "success",
      details: { filters: "?endResult=declined", rows, completed: true },
    });
  });

  test("audits a support bundle with its format, filters and entries", async () => {
    const user = account("bundle@example.com");
    for (const user_id of ["bundled", "bundled-friend"]) await t.call("POST", "/v3/users", { body: { user_id, nickname: user_id, profile_url: "" } });
    expect((await t.control("POST", "/direct-calls", { caller_id: "bundled", callee_id: "bundled-friend", end_result: "completed" })).status).toBe(200);
    const job = bundleExport(client(), d.db, {
      viewer: user,
      userId: "bundled",
      query: caseFileQuerySchema.parse({ kind: "calls" }),
      format: "csv",
    });
    const response = await run(job, "/api/users/bundled/bundle?format=csv&kind=calls", user);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="case-file-bundled-[\d-]+\.csv"$/);
    // One table: the header, the profile's row and the call's.
    expect(await lines(response)).toHaveLength(3);
    expect(await auditRow("user.export_bundle", user)).toMatchObject({
      targetType: "user",
      targetId: "bundled",
      outcome: "success",
      details: { format: "csv", filters: "?format=csv&kind=calls", rows: 1, completed: true },
    });
  });

  test("audits an audit-trail export, which the per-account limit does not hold back", async () => {
    const user = account("auditor@example.com");
    for (let i = 0; i < 3; i += 1)
      await appendAudit(d.db, { actorId: null, actorEmail: "sampled-actor@example.com", action: "test.sample", outcome: "success" });
    const slots = new ExportSlots(0);
    const response = await run(auditExport(d.db, { actorContains: "sampled-actor" }), "/api/audit/export?actor=sampled-actor", user, slots);
    expect(response.headers.get("x-total-rows")).toBe("3");
    expect(await lines(response)).toHaveLength(4);
    expect(await auditRow("audit.export", user)).toMatchObject({
      targetType: "audit",
      outcome: "success",
      details: { filters: "?actor=sampled-actor", rows: 3, completed: true },
    });
  });

  test("records how far a download got when the browser cancels it, and frees its slot", async () => {
    const user = account("cancels@example.com");
    const slots = new ExportSlots();
    const response = await run(allCalls(), "/api/calls/export", user, slots);
    const reader = response.body?.getReader();
    await reader?.read();
    expect(slots.count(user.id)).toBe(1);
    await reader?.cancel();
    expect(slots.count(user.id)).toBe(0);
    const row = await auditRow("direct_call.export", user);
    expect(row).toMatchObject({
      outcome: "failure",
      message: expect.stringContaining("cancelled the download or disconnected"),
      details: { filters: "", completed: false },
    });
    expect(row?.details.rows).toBeGreaterThanOrEqual(200);
    expect(row?.details.rows).toBeLessThan(t.emulator.store.callOrder.length);
  });

  test("records a download whose browser disconnects without cancelling it", async () => {
    const user = account("disconnects@example.com");
    const slots = new ExportSlots();
    const disconnect = new AbortController();
    const response = await run(allCalls(), "/api/calls/export?user=", user, slots, { signal: disconnect.signal });
    await response.body?.getReader().read();
    disconnect.abort();
    expect(slots.count(user.id)).toBe(0);
    await expect.poll(async () => (await auditRow("direct_call.export", user))?.details).toMatchObject({ filters: "?user=", completed: false });
  });

  test("records a failure with the rows sent when Sendbird fails mid-export", async () => {
    const user = account("midway@example.com");
    const response = await run(allCalls(), "/api/calls/export", user);
    // The first page (and the one read ahead of it) came back; every later page fails.
    const fault = await t.control("POST", "/faults", { method: "GET", path: "/v1/direct_calls", status: 500 });
    try {
      await expect(response.text()).rejects.toThrow();
    } finally {
      await t.control("DELETE", `/faults/${fault.json.fault.id}`);
    }
    const row = await auditRow("direct_call.export", user);
    expect(row).toMatchObject({ outcome: "failure", message: expect.stringContaining("Sendbird had a problem"), details: { completed: false } });
    expect(row?.details.rows).toBeGreaterThanOrEqual(100);
  });

  test("answers and audits an export whose source is down before the first row, freeing its slot", async () => {
    const user = account("down@example.com");
    const slots = new ExportSlots();
    const fault = await t.control("POST", "/faults", { method: "GET", path: "/v1/live-events", status: 500 });
    try {
      const response = await run(liveEventsExport(client(), d.db, liveEventsQuerySchema.parse({})), "/api/live-events/export", user, slots);
      expect(response.status).toBe(502);
    } finally {
      await t.control("DELETE", `/faults/${fault.json.fault.id}`);
    }
    expect(slots.count(user.id)).toBe(0);
    expect(await auditRow("live_event.export", user)).toMatchObject({ outcome: "failure", details: { rows: 0, completed: false } });
  });

  test("refuses a third concurrent export by one account with 429 and Retry-After, while another account's runs", async () => {
    const slots = new ExportSlots();
    const ada = account("ada-exports@example.com");
    const bea = account("bea-exports@example.com");
    const first = await run(allCalls(), "/api/calls/export", ada, slots);
    const second = await run(liveEventsExport(client(), d.db, liveEventsQuerySchema.parse({})), "/api/live-events/export", ada, slots);
    expect([first.status, second.status]).toEqual([200, 200]);

    const third = await run(allCalls(), "/api/calls/export?endResult=declined", ada, slots);
    expect(third.status).toBe(429);
    expect(third.headers.get("retry-after")).toBe(String(exportRetryAfterSeconds));
    expect(await third.json()).toEqual({
      error: { code: "too_many_exports", message: "You already have 2 exports running. Wait for one to finish, or cancel it, then try again." },
    });
    expect(await auditRow("direct_call.export", ada)).toMatchObject({
      outcome: "denied",
      details: { filters: "?endResult=declined", rows: 0, completed: false },
    });

    const other = await run(allCalls(), "/api/calls/export", bea, slots);
    expect(other.status).toBe(200);

    await first.body?.cancel();
    const again = await run(allCalls(), "/api/calls/export", ada, slots);
    expect(again.status).toBe(200);
    await Promise.all([second, other, again].map((r) => r.body?.cancel()));
    expect([slots.count(ada.id), slots.count(bea.id)]).toEqual([0, 0]);
  });

  test("starts nothing for a HEAD request, which Next answers with the GET handler and never reads", async () => {
    const user = account("head@example.com");
    const slots = new ExportSlots();
    const response = await run(allCalls(), "/api/calls/export", user, slots, { method: "HEAD" });
    expect(response.status).toBe(200);
    expect(slots.count(user.id)).toBe(0);
    expect(await auditRow("direct_call.export", user)).toBeUndefined();
  });
});
