import { describe, expect, test } from "vitest";
import { safeTarget } from "./targets";

describe("where sign-in may send you back to", () => {
  test("keeps a path on this console with its query", () => {
    expect(safeTarget("/audit?outcome=denied")).toBe("/audit?outcome=denied");
    expect(safeTarget(undefined)).toBe("/");
  });

  test.each(["https://evil.example/", "//evil.example", "/\\evil.example", "/\t/evil.example", "/\n/evil.example", "javascript:alert(1)", "", ["/a", "/b"]])(
    "refuses %j",
    (target) => {
      expect(safeTarget(target)).toBe("/");
    },
  );
});
