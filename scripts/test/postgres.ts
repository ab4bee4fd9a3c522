// A throwaway Postgres server on loopback (when its binaries exist), for the database tests (vitest global
// setup: its URL reaches the tests as TEST_DATABASE_URL) and for the two-instance e2e cluster.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

function findBin(name: string): string | null {
  const base = "/usr/lib/postgresql";
  if (!existsSync(base)) return null;
  const versions = readdirSync(base).sort().reverse();
  for (const v of versions) {
    const bin = join(base, v, "bin", name);
    if (existsSync(bin)) return bin;
  }
  return null;
}

function freePort(): Promise<number> {
  return new Promise((done) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      const port = typeof address === "object" && address ? address.port : 0;
      s.close(() => done(port));
    });
  });
}

/** Starts a fresh Postgres server in a temporary directory; null when no server binaries are installed. */
export async function startThrowawayPostgres(): Promise<{ url: string; stop: () => void } | null> {
  const initdb = findBin("initdb");
  const pgCtl = findBin("pg_ctl");
  if (!initdb || !pgCtl) return null;
  const root = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), "showrunner-pg-"));
  chmodSync(dir, 0o700);
  const asPostgres = (cmd: string, args: string[]) => {
    if (root) return execFileSync("runuser", ["-u", "postgres", "--", cmd, ...args], { stdio: "pipe" });
    return execFileSync(cmd, args, { stdio: "pipe" });
  };
  if (root) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(dir, uid, gid);
  }
  const port = await freePort();
  asPostgres(initdb, ["-D", join(dir, "data"), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
  asPostgres(pgCtl, ["-D", join(dir, "data"), "-l", join(dir, "log"), "-w", "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, "start"]);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const stop = () => {
    if (root) spawnSync("runuser", ["-u", "postgres", "--", pgCtl, "-D", join(dir, "data"), "-m", "immediate", "stop"], { stdio: "ignore" });
    else spawnSync(pgCtl, ["-D", join(dir, "data"), "-m", "immediate", "stop"], { stdio: "ignore" });
    rmSync(dir, { recursive: true, force: true });
  };
  return { url, stop };
}

export default async function setup(): Promise<(() => void) | undefined> {
  if (process.env.TEST_DATABASE_URL) return undefined;
  const server = await startThrowawayPostgres();
  if (!server) {
    console.warn("postgres tests: no Postgres server binaries found; database tests run on PGlite only.");
    return undefined;
  }
  process.env.TEST_DATABASE_URL = server.url;
  return server.stop;
}
