// No "server-only" marker: the launcher (scripts/start.ts) checks the data directory before it builds,
// and it runs without the react-server condition that marker needs. Nothing here is secret.
import { chmodSync, lstatSync, mkdirSync, readdirSync, statSync } from "node:fs";
import type { Stats } from "node:fs";
import { userInfo } from "node:os";
import { join, resolve } from "node:path";
import { isMainThread } from "node:worker_threads";
import type { Settings } from "@/lib/env";

/** The subdirectory that holds the embedded database's own files. */
export const databaseSubdir = "pglite";

/** The data directory cannot be used safely; the message says what is wrong and the command that fixes it. */
export class DataDirError extends Error {
  constructor(
    readonly dataDir: string,
    message: string,
  ) {
    super(message);
    this.name = "DataDirError";
  }
}

// Mode bits are not permissions on Windows; there the directory's ACL is what protects it.
const posix = process.platform !== "win32";
const octal = (mode: number) => (mode & 0o777).toString(8).padStart(4, "0");
const quoted = (path: string) => `'${path.replaceAll("'", `'\\''`)}'`;

function whoAmI(): string {
  try {
    return userInfo().username;
  } catch {
    // A container may run under a uid with no name.
    return String(process.getuid?.());
  }
}

/** Refuses a directory that another user owns or that group or others can write: they may already have changed it. */
function refuseUnsafe(path: string, stats: Stats, dataDir: string): void {
  const what = path === dataDir ? "The data directory" : "The embedded database's directory";
  const uid = process.getuid?.();
  if (uid !== undefined && stats.uid !== uid) {
    const me = whoAmI();
    throw new DataDirError(
      dataDir,
      `${what} ${path} belongs to another user (uid ${stats.uid}), not to ${me}, who runs the console, so that user can read and change the database and its audit trail. ` +
        `Set DATA_DIR to a directory of your own, or give it to ${me}: ${uid === 0 ? "" : "sudo "}chown -R ${me} ${quoted(dataDir)}`,
    );
  }
  if (stats.mode & 0o022) {
    throw new DataDirError(
      dataDir,
      `${what} ${path} is writable by other users (mode ${octal(stats.mode)}), so someone else may have changed the database, its audit trail or the session secret. ` +
        `Check it (or start from an empty DATA_DIR), then make it yours alone: chmod 700 ${quoted(path)}`,
    );
  }
}

/** Takes group and other bits off everything under `path` (links are left alone: chmod would follow them). */
function tighten(path: string): void {
  const stats = lstatSync(path);
  if (stats.isSymbolicLink()) return;
  if (stats.mode & 0o077) chmodSync(path, stats.mode & 0o700);
  if (stats.isDirectory()) for (const entry of readdirSync(path)) tighten(join(path, entry));
}

/**
 * Makes the data directory ready and returns its absolute path: a missing one is created 0700; an existing
 * one is refused (DataDirError) when another user owns it or other users can write it or its database;
 * one that others can only read is tightened, with everything in it, to its owner alone, and `log` says so.
 */
export function prepareDataDir(dataDir: string, log: (line: string) => void = (line) => console.warn(`showrunner: ${line}`)): string {
  const dir = resolve(dataDir);
  let stats: Stats;
  try {
    stats = statSync(dir);
  } catch (err) {
    // Node's fs errors carry `code`; the catch clause cannot say so in its type.
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // mkdir's mode passes through the umask, which may take the owner's own bits off too.
    if (posix) chmodSync(dir, 0o700);
    return dir;
  }
  if (!stats.isDirectory()) throw new DataDirError(dir, `DATA_DIR ${dir} is not a directory. Set DATA_DIR to a directory (it is created if missing).`);
  if (!posix) return dir;
  const checked: [string, Stats][] = [[dir, stats]];
  const database = join(dir, databaseSubdir);
  try {
    checked.push([database, statSync(database)]);
  } catch {
    // No database yet: PGlite creates it inside the directory just checked.
  }
  for (const [path, s] of checked) refuseUnsafe(path, s, dir);
  const open = checked.filter(([, s]) => s.mode & 0o077);
  if (open.length > 0) {
    tighten(dir);
    log(
      `${open.map(([path, s]) => `${path} (mode ${octal(s.mode)})`).join(" and ")} could be read by other users; the data directory and its files are now its owner's alone.`,
    );
  }
  return dir;
}

/**
 * Keeps the files the embedded database has written, and will write, to the owner alone: PGlite copies its
 * initial files in with mode 0666 whatever the umask, and creates some later ones under the umask.
 */
export function keepDataDirPrivate(dir: string): void {
  if (!posix) return;
  // A worker thread cannot set the umask; the tightening at every open still covers its files.
  if (isMainThread) process.umask(0o077);
  tighten(dir);
}

/** Prepares the data directory when these settings keep anything there (the embedded database or a generated session secret); null when not. */
export function prepareDataDirFor(settings: Pick<Settings, "dataDir" | "databaseUrl" | "nextAuthSecret">, log?: (line: string) => void): string | null {
  if (settings.databaseUrl && settings.nextAuthSecret) return null;
  return prepareDataDir(settings.dataDir, log);
}
