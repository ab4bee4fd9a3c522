import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { id } from "./pages";

describe("a path id", () => {
  test("stays one segment whatever it holds", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, unit: "grapheme" }), (value) => {
        fc.pre(value !== "." && value !== "..");
        const url = new URL(`https://example.com/v1/rooms/${id(value)}`);
        expect(url.pathname.split("/")).toHaveLength(4);
        expect(decodeURIComponent(url.pathname.split("/")[3] ?? "")).toBe(value);
      }),
    );
  });

  test("refuses '.' and '..', which a URL parser reads as path steps", () => {
    expect(() => id(".")).toThrow(TypeError);
    expect(() => id("..")).toThrow(TypeError);
    expect(id("...")).toBe("...");
  });
});
