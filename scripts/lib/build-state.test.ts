import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { buildIsStale } from "./build-state";

function project(): string {
  const root = mkdtempSync(join(tmpdir(), "build-state-"));
  mkdirSync(join(root, "app"));
  mkdirSync(join(root, ".next"));
  writeFileSync(join(root, "app", "page.tsx"), "export default 1;");
  return root;
}

const at = (path: string, seconds: number) => utimesSync(path, seconds, seconds);

describe("buildIsStale", () => {
  test("is stale when there is no build", () => {
    expect(buildIsStale(project())).toBe(true);
  });

  test("is fresh when the build is newer than every source", () => {
    const root = project();
    at(join(root, "app", "page.tsx"), 1000);
    at(join(root, "app"), 1000);
    writeFileSync(join(root, ".next", "BUILD_ID"), "x");
    at(join(root, ".next", "BUILD_ID"), 2000);
    expect(buildIsStale(root)).toBe(false);
  });

  test("is stale when a source changed after the build, but not for a test file", () => {
    const root = project();
    writeFileSync(join(root, ".next", "BUILD_ID"), "x");
    at(join(root, "app"), 1000);
    at(join(root, "app", "page.tsx"), 1000);
    at(join(root, ".next", "BUILD_ID"), 2000);
    writeFileSync(join(root, "app", "page.test.ts"), "");
    at(join(root, "app", "page.test.ts"), 3000);
    at(join(root, "app"), 1000);
    expect(buildIsStale(root)).toBe(false);
    at(join(root, "app", "page.tsx"), 3000);
    expect(buildIsStale(root)).toBe(true);
  });
});
