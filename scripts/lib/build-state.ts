import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

// Whether `npm start` must build first is decided by what the sources say, not when they were written: npm
// rewrites the lockfile's time on every install, and a checkout sets every file's time.
const sourceDirs = ["app", "components", "lib", "public", "types", "scripts/lib"];
const sourceFiles = [
  "next.config.js",
  "proxy.ts",
  "instrumentation.ts",
  "package.json",
  "package-lock.json",
  "tsconfig.json",
  "postcss.config.mjs",
  // The bundle's server and how it is made.
  "scripts/serve.ts",
  "scripts/build.ts",
];
const skip = new Set(["node_modules", ".next", ".data"]);
/** Where a build started by `npm start` records the digest of the sources it was made from. */
const digestFile = join(".next", "showrunner-sources.sha256");

function sourcesIn(root: string, path: string): string[] {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full)
    .filter((entry) => !skip.has(entry) && !entry.endsWith(".test.ts"))
    .flatMap((entry) => sourcesIn(root, join(path, entry)));
}

/** One digest of every source file a production build reads: their paths and contents, in a fixed order. */
export function sourceDigest(root: string): string {
  const hash = createHash("sha256");
  for (const path of [...sourceDirs, ...sourceFiles].flatMap((p) => sourcesIn(root, p)).sort()) {
    hash.update(`${path}\0`);
    hash.update(readFileSync(join(root, path)));
    hash.update("\0");
  }
  return hash.digest("hex");
}

/** True when there is no production build, or it was not made from the sources as they are now. */
export function buildIsStale(root: string): boolean {
  if (!existsSync(join(root, ".next", "BUILD_ID")) || !existsSync(join(root, digestFile))) return true;
  return readFileSync(join(root, digestFile), "utf8").trim() !== sourceDigest(root);
}

/** Records that the build in `.next` was made from these sources (after a successful build). */
export function recordBuild(root: string, digest: string): void {
  writeFileSync(join(root, digestFile), `${digest}\n`);
}
