import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, test, vi } from "vitest";
import { DataDirError, prepareDataDir, prepareDataDirFor } from "./data-dir";
import { openDatabase } from "./index";

const mode = (path: string) => lstatSync(path).mode & 0o777;
const scratch = () => mkdtempSync(join(tmpdir(), "data-dir-"));

/** Every path under `root` that group or others have any access to, with its mode. */
function openToOthers(root: string): string[] {
  const found: string[] = [];
  const walk = (path: string) => {
    const stats = lstatSync(path);
    if (stats.mode & 0o077) found.push(`${path} ${(stats.mode & 0o777).toString(8)}`);
    if (stats.isDirectory()) for (const entry of readdirSync(path)) walk(join(path, entry));
  };
  walk(root);
  return found;
}

/** Opens the embedded database, writes a row and closes it, as a console session would. */
async function useDatabase(dataDir: string): Promise<void> {
  const opened = await openDatabase({ databaseUrl: null, dataDir });
  await opened.db.execute(sql`create table if not exists probe (n int)`);
  await opened.db.execute(sql`insert into probe values (1)`);
  await opened.close();
}

describe.skipIf(process.platform === "win32")("the data directory", () => {
  test("is created readable by its owner only, with every file the embedded database writes", async () => {
    const dataDir = join(scratch(), "nested", "data");
    await useDatabase(dataDir);
    expect(mode(dataDir)).toBe(0o700);
    expect(existsSync(join(dataDir, "pglite", "PG_VERSION"))).toBe(true);
    expect(openToOthers(dataDir)).toEqual([]);
  }, 60_000);

  test.each(["0777", "0775", "0757"])("is refused, unchanged, with the command that fixes it when its mode is %s", async (loose) => {
    const dataDir = scratch();
    chmodSync(dataDir, Number.parseInt(loose, 8));
    const refusal = openDatabase({ databaseUrl: null, dataDir });
    await expect(refusal).rejects.toThrow(DataDirError);
    await expect(refusal).rejects.toThrow(`is writable by other users (mode ${loose})`);
    await expect(refusal).rejects.toThrow(`chmod 700 '${dataDir}'`);
    expect(mode(dataDir)).toBe(Number.parseInt(loose, 8));
    expect(existsSync(join(dataDir, "pglite"))).toBe(false);
  });

  test("is refused when other users can write its database", async () => {
    const dataDir = scratch();
    mkdirSync(join(dataDir, "pglite"));
    chmodSync(join(dataDir, "pglite"), 0o777);
    await expect(openDatabase({ databaseUrl: null, dataDir })).rejects.toThrow(`chmod 700 '${join(dataDir, "pglite")}'`);
  });

  test("is tightened, with its files, when other users can only read it, and says so", async () => {
    const dataDir = scratch();
    await useDatabase(dataDir);
    // As an earlier version left it: a 0755 directory of 0666 files.
    const loosen = (path: string) => {
      const directory = lstatSync(path).isDirectory();
      chmodSync(path, directory ? 0o755 : 0o666);
      if (directory) for (const entry of readdirSync(path)) loosen(join(path, entry));
    };
    loosen(dataDir);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      await useDatabase(dataDir);
      expect(warn.mock.calls).toEqual([
        [expect.stringContaining(`${dataDir} (mode 0755) and ${join(dataDir, "pglite")} (mode 0755) could be read by other users`)],
      ]);
    } finally {
      warn.mockRestore();
    }
    expect(mode(dataDir)).toBe(0o700);
    expect(openToOthers(dataDir)).toEqual([]);
  }, 60_000);

  test("is left as it is, and nothing is said, when it is already its owner's alone", () => {
    const dataDir = scratch();
    const said: string[] = [];
    prepareDataDir(dataDir, (line) => said.push(line));
    expect(mode(dataDir)).toBe(0o700);
    expect(said).toEqual([]);
  });

  test.skipIf(process.getuid?.() !== 0)("is refused when another user owns it", async () => {
    const dataDir = scratch();
    chownSync(dataDir, 1234, 1234);
    const refusal = openDatabase({ databaseUrl: null, dataDir });
    await expect(refusal).rejects.toThrow("belongs to another user (uid 1234)");
    await expect(refusal).rejects.toThrow(`chown -R root '${dataDir}'`);
  });

  test("is refused when DATA_DIR names a file", async () => {
    const file = join(scratch(), "data");
    writeFileSync(file, "");
    await expect(openDatabase({ databaseUrl: null, dataDir: file })).rejects.toThrow(`DATA_DIR ${file} is not a directory`);
  });

  test("is not created when Postgres and a session secret leave nothing to keep in it", () => {
    const dataDir = join(scratch(), "data");
    expect(prepareDataDirFor({ dataDir, databaseUrl: "postgres://db/showrunner", nextAuthSecret: "s".repeat(32) })).toBeNull();
    expect(existsSync(dataDir)).toBe(false);
    expect(prepareDataDirFor({ dataDir, databaseUrl: "postgres://db/showrunner", nextAuthSecret: null })).toBe(dataDir);
    expect(mode(dataDir)).toBe(0o700);
  });
});
