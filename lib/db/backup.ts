// Backing up and restoring the embedded database as one file (a gzipped copy of its data directory). Postgres
// has its own tools (pg_dump, pg_restore); the README says how. No "server-only" marker: the npm script
// `db:backup` runs it from the command line, outside Next; no client component imports it.
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { databaseSubdir } from "./data-dir";
import { withEmbeddedDatabase } from "./index";

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

/** Writes the embedded database in `dataDir` to `file` (whole or not at all, readable by its owner only); the console must be stopped. */
export async function backupEmbedded(dataDir: string, file: string): Promise<{ bytes: number }> {
  if (!existsSync(join(resolve(dataDir), databaseSubdir))) throw new BackupError(`There is no embedded database in ${resolve(dataDir)} to back up.`);
  const dump = await withEmbeddedDatabase(dataDir, (client) => client.dumpDataDir("gzip"));
  const bytes = Buffer.from(await dump.arrayBuffer());
  writeFileSync(`${file}.new`, bytes, { mode: 0o600 });
  renameSync(`${file}.new`, file);
  return { bytes: bytes.length };
}

/**
 * Restores the embedded database in `dataDir` from a backup `file`; the console must be stopped. A database
 * already there is kept unless `replace`, and then set aside (renamed) until the restored one has opened, so a
 * bad backup changes nothing. Returns where the old database was set aside, if anywhere.
 */
export async function restoreEmbedded(dataDir: string, file: string, { replace = false }: { replace?: boolean } = {}): Promise<{ setAside: string | null }> {
  if (!existsSync(file)) throw new BackupError(`No backup file at ${file}.`);
  const dir = resolve(dataDir);
  const location = join(dir, databaseSubdir);
  const present = existsSync(location) && readdirSync(location).length > 0;
  if (present && !replace) {
    throw new BackupError(`${dir} already holds a database. Add --replace to put the backup in its place (the current one is set aside, not deleted).`);
  }
  const aside = present ? `${location}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}` : null;
  if (aside) renameSync(location, aside);
  try {
    const blob = new Blob([readFileSync(file)]);
    await withEmbeddedDatabase(dataDir, (client) => client.query("select 1"), { loadDataDir: blob });
  } catch (err) {
    rmSync(location, { recursive: true, force: true });
    if (aside) renameSync(aside, location);
    throw new BackupError(`${file} could not be restored (${err instanceof Error ? err.message : String(err)}); nothing was changed.`);
  }
  return { setAside: aside };
}
