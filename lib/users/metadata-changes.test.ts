import { describe, expect, test } from "vitest";
import { metadataChanges } from "./metadata-changes";

const rows = (o: Record<string, string>) => Object.entries(o).map(([key, value]) => ({ key, value }));

describe("metadataChanges", () => {
  test("lists removals, then changes, then additions", () => {
    expect(metadataChanges({ team: "events", plan: "pro", old: "x" }, rows({ team: "support", plan: "pro", city: "Seoul" }))).toEqual([
      { kind: "remove", key: "old", previous: "x" },
      { kind: "change", key: "team", value: "support", previous: "events" },
      { kind: "add", key: "city", value: "Seoul" },
    ]);
  });

  test("a renamed key is a removal and an addition", () => {
    expect(metadataChanges({ a: "1" }, rows({ b: "1" }))).toEqual([
      { kind: "remove", key: "a", previous: "1" },
      { kind: "add", key: "b", value: "1" },
    ]);
  });

  test("nothing changed is no change, and keys are compared trimmed", () => {
    expect(metadataChanges({ a: "1" }, [{ key: " a ", value: "1" }])).toEqual([]);
  });

  test("a __proto__ key already held is data like any other", () => {
    const before = Object.fromEntries([["__proto__", "x"]]);
    expect(metadataChanges(before, [])).toEqual([{ kind: "remove", key: "__proto__", previous: "x" }]);
  });
});
