import { describe, expect, test } from "vitest";
import { activeFilters } from "./active-filters";
import type { FilterChipDef } from "./active-filters";

const defs: FilterChipDef[] = [
  { key: "state", label: "State", multi: true, text: (v) => v.toUpperCase() },
  { key: "title", label: "Title contains" },
  { key: "status", label: "Status", unless: "active" },
];

describe("active filters", () => {
  test("a chip per value, each linking to the same view without it, page size kept and cursors dropped", () => {
    const chips = activeFilters("/live-events", defs, { state: "ready,ongoing", title: "yoga", limit: "50", next: "cursor" });
    expect(chips.map((c) => c.text)).toEqual(["State: READY", "State: ONGOING", "Title contains: yoga"]);
    expect(chips.map((c) => c.without)).toEqual([
      "/live-events?state=ongoing&title=yoga&limit=50",
      "/live-events?state=ready&title=yoga&limit=50",
      "/live-events?state=ready&state=ongoing&limit=50",
    ]);
  });

  test("repeated keys count as several values; blank values and defaults make no chip", () => {
    const chips = activeFilters("/users", defs, { state: ["a", "b"], title: "  ", status: "active" });
    expect(chips.map((c) => c.value)).toEqual(["a", "b"]);
    expect(chips[0]?.without).toBe("/users?state=b&status=active");
  });

  test("the last chip removed leads to the bare list", () => {
    expect(activeFilters("/users", defs, { title: "x" })[0]?.without).toBe("/users");
  });
});
