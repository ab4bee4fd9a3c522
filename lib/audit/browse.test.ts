import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { OpenDatabase } from "@/lib/db";
import { engines, freshDatabase } from "@/lib/db/testing";
import { loadAudit } from "./browse";
import { auditCsvStream } from "./csv";
import { appendAudit, auditActions, countAudit, eachAudit, listAudit } from "./store";
import { auditQuerySchema } from "./query";

describe.each(engines)("browsing the audit trail on %s", (engine) => {
  let d: OpenDatabase;
  beforeAll(async () => {
    d = await freshDatabase(engine);
    for (let i = 0; i < 120; i += 1) {
      await appendAudit(d.db, {
        actorId: null,
        actorEmail: i % 3 === 0 ? "Ops.Lead@example.com" : "support@example.com",
        action: i % 2 ? "user.update" : "live_event.end",
        targetType: "user",
        targetId: `user_${i}`,
        outcome: i % 10 === 0 ? "failure" : "success",
        message: i === 7 ? '=HYPERLINK("x"), "quoted"' : "",
        at: new Date(Date.UTC(2026, 10, 1) + i * 60_000),
      });
    }
  });
  afterAll(() => d.close());

  test("matches part of an actor or target, in any case, with wildcards taken literally", async () => {
    const rows = await listAudit(d.db, { actorContains: "ops.lead", limit: 500 });
    expect(rows).toHaveLength(40);
    expect(await listAudit(d.db, { targetContains: "USER_11" })).toHaveLength(1 + 10);
    expect(await listAudit(d.db, { targetContains: "user%" })).toHaveLength(0);
    // user_1, user_10–19, user_100–119; an unescaped "_" would also match user_21 and the like.
    expect(await listAudit(d.db, { targetContains: "_1", limit: 500 })).toHaveLength(1 + 10 + 20);
  });

  test("pages older with `before` and back newer with `after`, newest first both ways", async () => {
    const page1 = await listAudit(d.db, { limit: 50 });
    const page2 = await listAudit(d.db, { before: page1.at(-1)?.id, limit: 50 });
    expect(page2[0]?.id).toBe((page1.at(-1)?.id ?? 0) - 1);
    const back = await listAudit(d.db, { after: page2[0]?.id, limit: 50 });
    expect(back.map((r) => r.id)).toEqual(page1.map((r) => r.id));
  });

  test("the audit page: a page of rows with the cursors of the pages around it, older and back newer", async () => {
    const page = async (cursor: Record<string, string>) => {
      const { actions, page } = await loadAudit(d.db, auditQuerySchema.parse(cursor));
      expect(actions).toEqual(["live_event.end", "user.update"]);
      if (!page) throw new Error("no page for a query that parsed");
      return { ids: page.rows.map((r) => r.id), newer: page.newer, older: page.older, position: page.position };
    };
    const newest = await page({});
    expect(newest.ids).toHaveLength(50);
    expect(newest).toMatchObject({ newer: null, older: newest.ids.at(-1), position: { first: 1, last: 50, total: 120 } });
    const middle = await page({ before: String(newest.older) });
    expect(middle.ids[0]).toBe((newest.ids.at(-1) ?? 0) - 1);
    expect(middle).toMatchObject({ newer: middle.ids[0], older: middle.ids.at(-1) });
    const oldest = await page({ before: String(middle.older) });
    expect(oldest.ids).toHaveLength(20);
    expect(oldest).toMatchObject({ newer: oldest.ids[0], older: null, position: { first: 101, last: 120, total: 120 } });
    expect(middle.position).toEqual({ first: 51, last: 100, total: 120 });
    // Filtered: the place among the matching rows, not the row ids.
    const { page: failures } = await loadAudit(d.db, auditQuerySchema.parse({ outcome: "failure" }));
    expect(failures?.position).toEqual({ first: 1, last: 12, total: 12 });
    expect(await page({ after: String(oldest.newer) })).toEqual(middle);
    expect(await page({ after: String(middle.newer) })).toEqual(newest);
    expect((await loadAudit(d.db, null)).page).toBeNull();
  });

  test("counts and walks every matching row across batches", async () => {
    const filter = { outcome: "success" as const, from: new Date(Date.UTC(2026, 10, 1, 0, 30)) };
    expect(await countAudit(d.db, filter)).toBe(81);
    const ids: number[] = [];
    for await (const row of eachAudit(d.db, filter, 7)) ids.push(row.id);
    expect(ids).toHaveLength(81);
    expect(new Set(ids).size).toBe(81);
    expect(await auditActions(d.db)).toEqual(["live_event.end", "user.update"]);
  });

  test("exports the filtered rows as CSV with formulas defused", async () => {
    const text = await new Response(auditCsvStream(d.db, { actorContains: "support" })).text();
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toMatch(/^id,time,actor,action,/);
    expect(lines).toHaveLength(1 + 80);
    expect(text).toContain(`"'=HYPERLINK(""x""), ""quoted"""`);
  });
});
