import { describe, expect, test } from "vitest";
import { utcTicks } from "./time-axis";

const at = (iso: string) => Date.parse(`${iso}Z`);

describe("a UTC time axis", () => {
  test("puts at most about six ticks on round boundaries inside the window, labelled by the clock", () => {
    const ticks = utcTicks(at("2026-11-25T14:03:10"), at("2026-11-25T14:58:00"));
    expect(ticks.map((t) => t.label)).toEqual(["14:10", "14:20", "14:30", "14:40", "14:50"]);
    expect(ticks[0]?.at).toBe(at("2026-11-25T14:10:00"));
  });

  test("shows seconds when ticks are under a minute apart, and the day when the window crosses midnight", () => {
    expect(utcTicks(at("2026-11-25T14:00:01"), at("2026-11-25T14:01:00")).map((t) => t.label)).toEqual([
      "14:00:10",
      "14:00:20",
      "14:00:30",
      "14:00:40",
      "14:00:50",
      "14:01:00",
    ]);
    expect(utcTicks(at("2026-11-25T22:00:00"), at("2026-11-26T02:00:00")).map((t) => t.label)).toEqual([
      "11-25 22:00",
      "11-25 23:00",
      "11-26 00:00",
      "11-26 01:00",
      "11-26 02:00",
    ]);
    expect(utcTicks(at("2026-11-01T00:00:00"), at("2026-11-08T00:00:00")).map((t) => t.label)).toEqual(["11-01", "11-03", "11-05", "11-07"]);
  });

  test("has no ticks for an empty window", () => {
    expect(utcTicks(5, 5)).toEqual([]);
    expect(utcTicks(10, 5)).toEqual([]);
  });
});
