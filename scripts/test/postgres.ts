// vitest global setup: starts a throwaway Postgres server on loopback (when its binaries exist) so the
// database tests run on a real server as well as on PGlite. Its URL reaches the tests as TEST_DATABASE_URL.
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

export default async function setup(): Promise<(() => void) | undefined> {
  if (process.env.TEST_DATABASE_URL) return undefined;
  const initdb = findBin("initdb");
  const pgCtl = findBin("pg_ctl");
  if (!initdb || !pgCtl) {
    console.warn("postgres tests: no Postgres server binaries found; database tests run on PGlite only.");
    return undefined;
  }
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
  process.env.TEST_DATABASE_URL = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return () => {
    if (root) spawnSync("runuser", ["-u", "postgres", "--", pgCtl, "-D", join(dir, "data"), "-m", "immediate", "stop"], { stdio: "ignore" });
    else spawnSync(pgCtl, ["-D", join(dir, "data"), "-m", "immediate", "stop"], { stdio: "ignore" });
    rmSync(dir, { recursive: true, force: true });
  };
}
