// Makes a Postgres server available to the database tests: on Debian as root, installs the postgresql
// package when its binaries are missing. Elsewhere the tests run on PGlite alone and say so.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";

const base = "/usr/lib/postgresql";
const present = existsSync(base) && readdirSync(base).some((v) => existsSync(`${base}/${v}/bin/initdb`));
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
if (!present && existsSync("/etc/debian_version") && isRoot) {
  console.log("ensure-postgres: installing Debian's postgresql package…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "postgresql"], { stdio: "inherit", env });
}
