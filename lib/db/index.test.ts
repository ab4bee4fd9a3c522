import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { count, max, sql } from "drizzle-orm";
import { integer, pgTable } from "drizzle-orm/pg-core";
import { afterEach, describe, expect, test, vi } from "vitest";
import { DatabaseBusyError, openDatabase, tryLease } from "./index";
import type { OpenDatabase } from "./index";
import { accounts } from "./schema";
import { engines, freshDatabase } from "./testing";

const open: OpenDatabase[] = [];

/** The database's own message for a failed query (drizzle wraps it as the cause). */
async function failure(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (err) {
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : "";
    return `${err instanceof Error ? err.message : String(err)} ${cause}`;
  }
  return "no error";
}
afterEach(async () => {
  for (const d of open.splice(0)) await d.close();
});

describe.each(engines)("the database on %s", (engine) => {
  test("applies the migrations and enforces the schema's checks", async () => {
    const d = await freshDatabase(engine);
    open.push(d);
    await d.db.insert(accounts).values({ email: "a@example.com", role: "admin" });
    await expect(d.db.insert(accounts).values({ email: "a@example.com", role: "support" })).rejects.toThrow();
    await expect(d.db.insert(accounts).values({ email: "B@example.com", role: "support" })).rejects.toThrow();
    await expect(d.db.execute(sql`insert into accounts (email, role) values ('c@example.com', 'owner')`)).rejects.toThrow();
    const [row] = await d.db.select({ n: count() }).from(accounts);
    expect(row?.n).toBe(1);
  });

  test("refuses to change or delete audit rows", async () => {
    const d = await freshDatabase(engine);
    open.push(d);
    await d.db.execute(sql`insert into audit_events (at, actor_email, action, outcome, prev_hash, hash) values (now(), 'a@b.c', 'x', 'success', 'p', 'h')`);
    expect(await failure(d.db.execute(sql`update audit_events set action = 'y'`))).toMatch(/append-only/);
    expect(await failure(d.db.execute(sql`delete from audit_events`))).toMatch(/append-only/);
  });

  test("opening twice applies nothing new and keeps the data", async () => {
    const d = await freshDatabase(engine);
    await d.db.insert(accounts).values({ email: "keep@example.com", role: "operator" });
    const url = d.url;
    const location = d.location;
    await d.close();
    const again = url ? await openDatabase({ databaseUrl: url, dataDir: "" }) : await openDatabase({ databaseUrl: null, dataDir: join(location, "..") });
    open.push(again);
    const rows = await again.db.select({ email: accounts.email }).from(accounts);
    expect(rows).toEqual([{ email: "keep@example.com" }]);
  });
});

describe.each(engines)("on %s, another copy of this module (Next loads one per bundle)", (engine) => {
  test("knows the database the first copy opened: whether this process alone writes it, and its pool for locks", async () => {
    const database = await freshDatabase(engine);
    try {
      vi.resetModules();
      const copy = await import("./index");
      expect(copy.isSoleWriter(database.db)).toBe(engine === "pglite");
      const lease = await copy.tryLease(database.db, 727_099);
      expect(lease).not.toBeNull();
      // On Postgres the lease is a real advisory lock, which the first copy cannot take while it is held.
      if (engine === "postgres") expect(await tryLease(database.db, 727_099)).toBeNull();
      await lease?.release();
    } finally {
      await database.close();
    }
  });
});

describe("the embedded database", () => {
  test("is never opened by two live processes at once", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "showrunner-lock-"));
    const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
    try {
      writeFileSync(join(dataDir, "db.lock"), String(child.pid));
      await expect(openDatabase({ databaseUrl: null, dataDir })).rejects.toBeInstanceOf(DatabaseBusyError);
    } finally {
      child.kill();
    }
  });

  test("is never opened twice by one process, even by two opens at once, and opens again once closed", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "showrunner-lock-"));
    const [first, second] = await Promise.allSettled([
      openDatabase({ databaseUrl: null, dataDir }),
      openDatabase({ databaseUrl: null, dataDir: `${dataDir}/.` }),
    ]);
    const opened = [first, second].filter((r) => r.status === "fulfilled");
    const refused = [first, second].filter((r) => r.status === "rejected");
    expect(opened).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toBeInstanceOf(DatabaseBusyError);
    expect(String((refused[0] as PromiseRejectedResult).reason)).toMatch(/already open in this process/);
    await (opened[0] as PromiseFulfilledResult<OpenDatabase>).value.close();
    const again = await openDatabase({ databaseUrl: null, dataDir });
    open.push(again);
  }, 30_000);

  test("takes over a lock left by a process that died", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "showrunner-lock-"));
    writeFileSync(join(dataDir, "db.lock"), "999999");
    const d = await openDatabase({ databaseUrl: null, dataDir });
    open.push(d);
    expect(d.kind).toBe("pglite");
  });

  test("keeps every committed row when the process is killed mid-write", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "showrunner-kill-"));
    const script = join(dataDir, "writer.mjs");
    writeFileSync(
      script,
      `import { PGlite } from ${JSON.stringify(pathToFileURL(createRequire(import.meta.url).resolve("@electric-sql/pglite")).href)};
       const db = await PGlite.create(${JSON.stringify(join(dataDir, "pglite"))});
       await db.exec("create table if not exists t (n int primary key)");
       for (let n = 1; ; n += 1) { await db.query("insert into t values ($1)", [n]); process.stdout.write(n + "\\n"); }`,
    );
    const child = spawn(process.execPath, [script], { stdio: ["ignore", "pipe", "inherit"] });
    let confirmed = 0;
    await new Promise<void>((done, fail) => {
      child.once("exit", (code) => fail(new Error(`the writer exited early (${code})`)));
      child.stdout.on("data", (chunk: Buffer) => {
        const lines = chunk.toString().trim().split("\n");
        confirmed = Number(lines[lines.length - 1]);
        if (confirmed >= 200) {
          child.kill("SIGKILL");
          done();
        }
      });
    });
    await new Promise((r) => child.once("exit", r));
    const d = await openDatabase({ databaseUrl: null, dataDir });
    open.push(d);
    const written = pgTable("t", { n: integer("n") });
    const [row] = await d.db.select({ n: count(), max: max(written.n) }).from(written);
    expect(row?.n).toBe(row?.max);
    expect(row?.n ?? 0).toBeGreaterThanOrEqual(confirmed);
  }, 60_000);
});
