import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { safeTarget } from "./targets";

const here = "https://console.example";

/** Where a browser on this console goes when told to go to `path`. */
const followed = (path: string) => new URL(path, `${here}/sign-in?callbackUrl=x`);

/** Pieces an attacker strings together to make a path that parses as another origin. */
const piece = fc.constantFrom(
  "/",
  "//",
  "///",
  ".",
  "..",
  "./",
  "../",
  "%2e",
  "%2E",
  "%2e%2e",
  ".%2e",
  "%2f",
  "%2F",
  "%5c",
  "\\",
  "\t",
  "\n",
  "\r",
  " ",
  "@",
  ":",
  "?",
  "#",
  "evil.example",
  "evil.example:443",
  "https:",
  "javascript:",
  "user:pass@",
  "%00",
  "\u3002",
  "\uff0f",
  "audit",
  "?x=//evil.example",
);
const hostile = fc.array(piece, { minLength: 1, maxLength: 10 }).map((parts) => parts.join(""));

describe("where sign-in may send you back to", () => {
  test("keeps a path on this console with its query", () => {
    expect(safeTarget("/audit?outcome=denied")).toBe("/audit?outcome=denied");
    expect(safeTarget("/users/a%2Fb?tab=calls#top")).toBe("/users/a%2Fb?tab=calls#top");
    expect(safeTarget(undefined)).toBe("/");
  });

  test.each([
    "https://evil.example/",
    "//evil.example",
    "/\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "javascript:alert(1)",
    "/.//evil.example/path",
    "/..//evil.example",
    "/a/../..//evil.example",
    "/./.././/evil.example",
    "/%2e%2e//evil.example",
    "/%2e/%2e%2e//evil.example",
    "",
    ["/a", "/b"],
  ])("refuses %j", (target) => {
    expect(safeTarget(target)).toBe("/");
  });

  test("turns /%2e%2e/%2fevil.example into a path on this console", () => {
    const target = safeTarget("/%2e%2e/%2fevil.example");
    expect(followed(target).origin).toBe(here);
  });

  test("whatever it is given, a browser following the answer stays on this console", () => {
    fc.assert(
      fc.property(fc.oneof(hostile, fc.string(), fc.webUrl(), fc.webPath()), (input) => {
        const target = safeTarget(input);
        expect(target.startsWith("/")).toBe(true);
        expect(target.startsWith("//")).toBe(false);
        expect(followed(target).origin).toBe(here);
        // Checked again where it is followed, it is the same path: nothing is left for a second parse to change.
        expect(safeTarget(target)).toBe(target);
      }),
      { numRuns: 5000 },
    );
  });
});
