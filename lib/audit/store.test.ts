import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openDatabase } from "@/lib/db";
import type { OpenDatabase } from "@/lib/db";
import { engines, freshDatabase } from "@/lib/db/testing";
import { appendAudit, assertNoSecrets, genesisHash, listAudit, verifyChain } from "./store";
import type { AuditDetails } from "./store";

const actor = { actorId: null, actorEmail: "admin@showrunner.local" };

describe.each(engines)("the audit trail on %s", (engine) => {
  let d: OpenDatabase & { url: string | null };
  beforeAll(async () => {
    d = await freshDatabase(engine);
  });
  afterAll(() => d.close());

  test("chains each row to the one before it", async () => {
    const first = await appendAudit(d.db, { ...actor, action: "test.chain", targetType: "live_event", targetId: "e1", outcome: "success" });
    const second = await appendAudit(d.db, { ...actor, action: "test.chain", outcome: "failure", sendbirdCode: 401120, message: "ended" });
    expect(second.prevHash).toBe(first.hash);
    expect(second.hash).not.toBe(first.hash);
    expect((await verifyChain(d.db)).intact).toBe(true);
  });

  test("starts the chain at the genesis hash", async () => {
    const fresh = await freshDatabase(engine);
    try {
      const row = await appendAudit(fresh.db, { ...actor, action: "first", outcome: "success" });
      expect(row.prevHash).toBe(genesisHash);
    } finally {
      await fresh.close();
    }
  });

  test("keeps one linear chain under many concurrent writers", async () => {
    const writes = Array.from({ length: 60 }, (_, i) => appendAudit(d.db, { ...actor, action: "test.concurrent", targetId: String(i), outcome: "success" }));
    await Promise.all(writes);
    expect(await verifyChain(d.db)).toMatchObject({ intact: true });
  });

  test("filters rows and pages newest first", async () => {
    await appendAudit(d.db, {
      actorId: null,
      actorEmail: "operator@showrunner.local",
      action: "live_event.end",
      targetType: "live_event",
      targetId: "zz",
      outcome: "denied",
    });
    const denied = await listAudit(d.db, { outcome: "denied" });
    expect(denied.map((r) => r.targetId)).toEqual(["zz"]);
    const page1 = await listAudit(d.db, { action: "test.concurrent", limit: 25 });
    const page2 = await listAudit(d.db, { action: "test.concurrent", limit: 25, before: page1[page1.length - 1]?.id });
    expect(page1).toHaveLength(25);
    expect(page2[0]?.id).toBeLessThan(page1[24]?.id ?? 0);
    expect(new Set([...page1, ...page2].map((r) => r.id)).size).toBe(50);
    expect(await listAudit(d.db, { actor: "nobody@example.com" })).toEqual([]);
  });

  test("reports the first row that was tampered with", async () => {
    const t = await freshDatabase(engine);
    try {
      for (let i = 0; i < 5; i += 1) await appendAudit(t.db, { ...actor, action: "tamper.test", targetId: String(i), outcome: "success" });
      const rows = await listAudit(t.db, {});
      const victim = rows[2];
      // Only someone bypassing the append-only trigger can change a row; the chain still shows it.
      await t.db.execute(sql`alter table audit_events disable trigger audit_events_no_update`);
      await t.db.execute(sql`update audit_events set target_id = 'forged' where id = ${victim?.id ?? 0}`);
      expect(await verifyChain(t.db)).toMatchObject({ intact: false, brokenAt: victim?.id, reason: expect.stringContaining("contents") });
    } finally {
      await t.close();
    }
  });

  test("a routine verification reads only the rows since the last one; a full one reads them all", async () => {
    const t = await freshDatabase(engine);
    try {
      const append = (i: number) => appendAudit(t.db, { ...actor, action: "checkpoint.test", targetId: String(i), outcome: "success" });
      for (let i = 0; i < 5; i += 1) await append(i);
      expect(await verifyChain(t.db, { batch: 2 })).toEqual({ intact: true, rows: 5, checked: 5, since: null });
      for (let i = 5; i < 8; i += 1) await append(i);
      const routine = await verifyChain(t.db, { batch: 2 });
      expect(routine).toMatchObject({ intact: true, rows: 8, checked: 3, since: { throughId: expect.any(Number), verifiedAt: expect.any(Date) } });
      // Nothing new: nothing read, still intact.
      expect(await verifyChain(t.db)).toMatchObject({ intact: true, rows: 8, checked: 0 });

      const rows = (await listAudit(t.db, {})).reverse();
      await t.db.execute(sql`alter table audit_events disable trigger audit_events_no_update`);
      await t.db.execute(sql`update audit_events set target_id = 'forged' where id = ${rows[1]?.id ?? 0}`);
      // A row changed before the checkpoint: the routine check does not re-read it; the full one finds it.
      expect(await verifyChain(t.db)).toMatchObject({ intact: true, checked: 0 });
      expect(await verifyChain(t.db, { scope: "all" })).toMatchObject({ intact: false, brokenAt: rows[1]?.id });
      // The row the last verification ended at is checked every time.
      await t.db.execute(sql`update audit_events set target_id = 'forged' where id = ${rows[7]?.id ?? 0}`);
      expect(await verifyChain(t.db)).toMatchObject({ intact: false, brokenAt: rows[7]?.id, reason: expect.stringContaining("last verification") });
    } finally {
      await t.close();
    }
  });
});

describe("audit rows", () => {
  const secrets: AuditDetails[] = [{ token: "abc" }, { secret_key: "x" }, { password: "p" }, { api_key: "k" }, { token_last4: "12345" }];
  test.each(secrets)("never record %j", (details) => {
    expect(() => assertNoSecrets(details)).toThrow();
  });

  test("may record the last four characters of a token", () => {
    expect(() => assertNoSecrets({ token_last4: "a1b2", role: "admin" })).not.toThrow();
  });
});

describe.runIf(engines.includes("postgres"))("two instances on one Postgres server", () => {
  test("keep one intact chain when 200 writes are spread over both", async () => {
    const first = await freshDatabase("postgres");
    const second = await openDatabase({ databaseUrl: first.url, dataDir: "" });
    try {
      const writes = Array.from({ length: 200 }, (_, i) =>
        appendAudit(i % 2 === 0 ? first.db : second.db, { ...actor, action: "two.instances", targetId: String(i), outcome: "success" }),
      );
      await Promise.all(writes);
      expect(await verifyChain(first.db)).toMatchObject({ intact: true, rows: 200, checked: 200 });
    } finally {
      await second.close();
      await first.close();
    }
  });
});
