import "server-only";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzleLite } from "drizzle-orm/pglite";
import { migrate as migrateLite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { databaseSubdir, keepDataDirPrivate, prepareDataDir } from "./data-dir";
import * as schema from "./schema";
import { lockKeys } from "./locks";

/** The console's database, whichever engine is behind it. Query functions take it as their first argument. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface OpenDatabase {
  db: Database;
  kind: "pglite" | "postgres";
  /** Where the data lives, for banners (a Postgres URL without its password). */
  location: string;
  close(): Promise<void>;
}

/**
 * Which databases this process alone writes, and the pool behind each Postgres one. Next loads this module
 * once per bundle (the start-up's, each route's), and the database is opened by one of them and shared
 * through globalThis (lib/db/server.ts), so these are kept there too: a bundle that did not open the
 * database would otherwise take it for a shared one and skip its caches, and find no pool to hold an
 * advisory lock on, and so run work meant for one instance at a time without the lock.
 */
const processWide = globalThis as typeof globalThis & { showrunnerSoleWriters?: WeakSet<Database>; showrunnerPools?: WeakMap<Database, pg.Pool> };
const soleWriters = (processWide.showrunnerSoleWriters ??= new WeakSet<Database>());
/** The pool behind each Postgres database, for work that needs a connection of its own (see `tryLease`). */
const pools = (processWide.showrunnerPools ??= new WeakMap<Database, pg.Pool>());

/**
 * PGlite's Postgres keeps 128 MB of shared buffers by default, all of it inside the process's WebAssembly
 * memory. The console's queries read through indexes, and a page PGlite evicts is one file read away, so
 * 16 MB holds the working set and roughly halves what the embedded database adds to the console's
 * memory (docs/decisions/0022-scale.md).
 */
const embeddedStartParams = [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"];

/**
 * Lets timers and I/O that came due run before the next step of a long piece of database work, so a page's
 * query (the embedded database runs one at a time) and the event loop get their turn between batches.
 */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Whether this process is the only one that can write to `db`: true for the embedded database (one
 * process per data directory, and PGlite runs one query or transaction at a time), so state read from it
 * may be kept in memory as long as this process's own writes invalidate it. Never true for Postgres.
 */
export function isSoleWriter(db: Database): boolean {
  return soleWriters.has(db);
}

/** The embedded database's directory is held by another live process. */
export class DatabaseBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      pid === process.pid
        ? `The embedded database in ${dataDir} is already open in this process; it must not be opened twice. Use the one open database.`
        : `The embedded database in ${dataDir} is in use by another process (pid ${pid}). ` +
            "Stop that console first, or use the console's own pages; the embedded database cannot be opened twice.",
    );
    this.name = "DatabaseBusyError";
  }
}

// Resolved from the project root (where every entry point runs) so bundlers leave the SQL files alone.
const migrationsFolder = join(process.cwd(), "lib", "db", "migrations");
/** The advisory lock that serializes migrations across instances. */
const migrationLockKey = lockKeys.migrations;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * The embedded data directories this process has open. The lock file cannot tell two opens by one process
 * apart (both write its pid), and two PGlite instances on one directory corrupt each other, so the process
 * keeps its own list, on globalThis since Next loads this module once per bundle.
 */
const openHere = ((globalThis as typeof globalThis & { showrunnerOpenDataDirs?: Set<string> }).showrunnerOpenDataDirs ??= new Set<string>());

/** Takes the data directory's lock file, or throws DatabaseBusyError while a live process, this one included, holds it. */
function lockDataDir(dataDir: string): () => void {
  if (openHere.has(dataDir)) throw new DatabaseBusyError(dataDir, process.pid);
  const lock = join(dataDir, "db.lock");
  if (existsSync(lock)) {
    const pid = Number(readFileSync(lock, "utf8").trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) throw new DatabaseBusyError(dataDir, pid);
  }
  writeFileSync(lock, String(process.pid));
  openHere.add(dataDir);
  return () => {
    openHere.delete(dataDir);
    try {
      if (readFileSync(lock, "utf8").trim() === String(process.pid)) rmSync(lock);
    } catch {
      // already gone
    }
  };
}

/**
 * Runs `work` on the embedded database in `dataDir` as it is (no migration), holding the directory's lock,
 * for commands that copy it whole (backup, restore). `init` gives a data directory to start from.
 */
export async function withEmbeddedDatabase<T>(dataDir: string, work: (client: PGlite) => Promise<T>, init?: { loadDataDir: Blob }): Promise<T> {
  const dir = prepareDataDir(dataDir);
  const unlock = lockDataDir(dir);
  try {
    const client = await PGlite.create(join(dir, databaseSubdir), { startParams: embeddedStartParams, ...init });
    try {
      return await work(client);
    } finally {
      await client.close();
      keepDataDirPrivate(dir);
    }
  } finally {
    unlock();
  }
}

/**
 * Opens the database and applies pending migrations: a Postgres server when `databaseUrl` is set,
 * otherwise embedded PGlite in `dataDir` (one process per directory, readable by its owner only; a
 * directory other users can write is refused with a DataDirError).
 */
export async function openDatabase(options: { databaseUrl: string | null; dataDir: string }): Promise<OpenDatabase> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    const client = await pool.connect();
    try {
      await client.query("select pg_advisory_lock($1)", [migrationLockKey]);
      await migratePg(drizzlePg(client), { migrationsFolder });
      await client.query("select pg_advisory_unlock($1)", [migrationLockKey]);
      client.release();
    } catch (err) {
      // A failed migration leaves the lock on this connection: close it (which frees the lock) rather than
      // return it to the pool, where it would keep every other instance waiting.
      client.release(err instanceof Error ? err : new Error(String(err)));
      await pool.end();
      throw err;
    }
    const db = drizzlePg(pool, { schema });
    pools.set(db, pool);
    return {
      db,
      kind: "postgres",
      location: options.databaseUrl.replace(/\/\/[^@/]*@/, "//…@"),
      close: () => pool.end(),
    };
  }
  const dataDir = prepareDataDir(options.dataDir);
  const unlock = lockDataDir(dataDir);
  try {
    const location = join(dataDir, databaseSubdir);
    const client = await PGlite.create(location, { startParams: embeddedStartParams });
    keepDataDirPrivate(dataDir);
    const db = drizzleLite(client, { schema });
    await migrateLite(db, { migrationsFolder });
    soleWriters.add(db);
    return {
      db,
      kind: "pglite",
      location,
      close: async () => {
        await client.close();
        unlock();
      },
    };
  } catch (err) {
    unlock();
    throw err;
  }
}

/** Runs `work` in a transaction holding a transaction-scoped advisory lock (released on commit or rollback). */
export async function withLock<T>(db: Database, key: number, work: (tx: Database) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${key})`);
    return work(tx);
  });
}

/** Takes a transaction-scoped advisory lock if it is free: false when another transaction holds it. */
export async function tryTransactionLock(tx: Database, key: number): Promise<boolean> {
  const result = await tx.execute(sql`select pg_try_advisory_xact_lock(${key}) as locked`);
  const rows = (result as unknown as { rows: { locked: boolean }[] }).rows;
  return rows[0]?.locked === true;
}

/** A session-level advisory lock held on a connection of its own until `release()`. */
export interface Lease {
  /** True once the lock's connection broke: the lock is gone and the work it guarded should stop. */
  readonly lost: boolean;
  release(): Promise<void>;
}

/**
 * Takes the advisory lock `key` for long work (minutes, many transactions) without holding a transaction
 * open: the lock lives on a pooled connection set aside for it, and Postgres frees it when that connection
 * ends, so an instance that dies never keeps it. Null while another session holds it. The embedded
 * database belongs to one process, so there the lease is always granted.
 */
export async function tryLease(db: Database, key: number): Promise<Lease | null> {
  const pool = pools.get(db);
  if (!pool) return { lost: false, release: async () => undefined };
  const client = await pool.connect();
  let lost = false;
  const onError = () => {
    lost = true;
  };
  client.on("error", onError);
  const done = (destroy: boolean) => {
    client.off("error", onError);
    client.release(destroy);
  };
  try {
    const result = await client.query<{ locked: boolean }>("select pg_try_advisory_lock($1) as locked", [key]);
    if (!result.rows[0]?.locked) {
      done(false);
      return null;
    }
  } catch (err) {
    done(true);
    throw err;
  }
  return {
    get lost() {
      return lost;
    },
    async release() {
      if (lost) return done(true);
      try {
        await client.query("select pg_advisory_unlock($1)", [key]);
        done(false);
      } catch {
        // Dropping the connection frees the lock as surely as unlocking it.
        done(true);
      }
    },
  };
}

/** Whether an error (or its cause, as Drizzle wraps driver errors) is Postgres's unique violation, 23505. */
export function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth += 1) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

export { schema };
export { DataDirError } from "./data-dir";
