// No "server-only": a helper for tests only, which run outside React's server environment; never bundled into a page.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { openDatabase } from "./index";
import type { OpenDatabase } from "./index";

/** The engines the database tests run on: PGlite always, Postgres when the test setup started one. */
export const engines: ("pglite" | "postgres")[] = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

/** A fresh, migrated database on the given engine: a new data directory, or a new Postgres database. */
export async function freshDatabase(engine: "pglite" | "postgres"): Promise<OpenDatabase & { url: string | null }> {
  if (engine === "pglite") {
    const dataDir = mkdtempSync(join(tmpdir(), "showrunner-db-"));
    return { ...(await openDatabase({ databaseUrl: null, dataDir })), url: null };
  }
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) throw new Error("TEST_DATABASE_URL is not set");
  const name = `t_${Math.random().toString(36).slice(2, 12)}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  const url = admin.replace(/\/[^/]*$/, `/${name}`);
  return { ...(await openDatabase({ databaseUrl: url, dataDir: "" })), url };
}
