import { describe, expect, test } from "vitest";
import { duration, parseUtcInput, utc } from "./format";

describe("formatting", () => {
  test("writes UTC times at three precisions", () => {
    const t = Date.UTC(2026, 10, 25, 14, 30, 5);
    expect(utc(t)).toBe("2026-11-25 14:30:05");
    expect(utc(t, "minute")).toBe("2026-11-25 14:30");
    expect(utc(t, "clock")).toBe("14:30:05");
  });

  test("writes durations a person reads at a glance", () => {
    expect(duration(0)).toBe("—");
    expect(duration(45_000)).toBe("45 s");
    expect(duration(12 * 60_000)).toBe("12 min");
    expect(duration(65 * 60_000)).toBe("1 h 05 min");
  });

  test("reads the UTC times people and the console write, and nothing else", () => {
    expect(parseUtcInput("2026-11-25")).toEqual({ ms: Date.UTC(2026, 10, 25), wholeDay: true });
    expect(parseUtcInput("2026-11-25T14:30")).toEqual({ ms: Date.UTC(2026, 10, 25, 14, 30), wholeDay: false });
    expect(parseUtcInput("2026-11-25T14:30:05.123Z")?.ms).toBe(Date.UTC(2026, 10, 25, 14, 30, 5, 123));
    for (const bad of ["2026-02-30", "yesterday", "2026-11-25 14:30", "25/11/2026", "2026-11-25T25:00"]) expect(parseUtcInput(bad), bad).toBeNull();
  });
});
