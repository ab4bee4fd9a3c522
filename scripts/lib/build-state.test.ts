import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { buildIsStale, recordBuild, sourceDigest } from "./build-state";

function project(): string {
  const root = mkdtempSync(join(tmpdir(), "build-state-"));
  mkdirSync(join(root, "app"));
  mkdirSync(join(root, ".next"));
  writeFileSync(join(root, "app", "page.tsx"), "export default 1;");
  writeFileSync(join(root, "package-lock.json"), "{}");
  return root;
}

/** A project with a build made from its sources as they are. */
function built(): string {
  const root = project();
  const digest = sourceDigest(root);
  writeFileSync(join(root, ".next", "BUILD_ID"), "x");
  recordBuild(root, digest);
  return root;
}

describe("buildIsStale", () => {
  test("is stale when there is no build, or a build whose sources are unknown", () => {
    const root = project();
    expect(buildIsStale(root)).toBe(true);
    writeFileSync(join(root, ".next", "BUILD_ID"), "x");
    expect(buildIsStale(root)).toBe(true);
  });

  test("is fresh when nothing changed, however the files' times moved (npm rewrites the lockfile's)", () => {
    const root = built();
    utimesSync(join(root, "package-lock.json"), 9_000_000, 9_000_000);
    utimesSync(join(root, "app", "page.tsx"), 9_000_000, 9_000_000);
    expect(buildIsStale(root)).toBe(false);
  });

  test("is stale when a source's content changes, is added or goes, but not for a test file", () => {
    const root = built();
    writeFileSync(join(root, "app", "page.test.ts"), "test");
    expect(buildIsStale(root)).toBe(false);
    writeFileSync(join(root, "app", "page.tsx"), "export default 2;");
    expect(buildIsStale(root)).toBe(true);

    const again = built();
    writeFileSync(join(again, "app", "new.tsx"), "");
    expect(buildIsStale(again)).toBe(true);

    const third = built();
    writeFileSync(join(third, "package-lock.json"), '{"lockfileVersion":3}');
    expect(buildIsStale(third)).toBe(true);
  });
});
