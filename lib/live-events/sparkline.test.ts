import { describe, expect, test } from "vitest";
import { sparkline, sparkSize, sparkSummary, sparkWindowMs } from "./sparkline";

const to = 1_800_000_000_000;
const from = to - sparkWindowMs;
const minute = 60_000;
const reading = (minutesAgo: number, participantCount: number) => ({ at: to - minutesAgo * minute, participantCount });

/** The path's points as numbers, with the command before each. */
function points(path: string): [string, number, number][] {
  return [...path.matchAll(/([ML])(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [m[1] ?? "", Number(m[2]), Number(m[3])]);
}

describe("an on-air card's sparkline", () => {
  test("scales time across the window and the audience up from zero, inside the drawing", () => {
    const spark = sparkline([reading(30, 0), reading(15, 50), reading(0, 100)], { from, to });
    expect(spark).toEqual({ path: "M0,26L60,14L120,2", min: 0, max: 100, from: 0, to: 100 });
  });

  test("states the first and last readings, the lowest and the highest, whatever order they come in", () => {
    const spark = sparkline([reading(0, 95), reading(20, 120), reading(10, 140), reading(5, 90)], { from, to });
    expect(spark).toMatchObject({ min: 90, max: 140, from: 120, to: 95 });
    if (!spark) throw new Error("no sparkline");
    const xs = points(spark.path).map(([, x]) => x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(sparkSummary(spark)).toBe("Audience over the last 30 minutes: from 120 to 95, highest 140, lowest 90.");
  });

  test("rounds coordinates to a tenth and keeps every point inside the view box", () => {
    const samples = Array.from({ length: 40 }, (_, i) => reading(29.3 - i * 0.73, 1000 + ((i * 37) % 101)));
    const spark = sparkline(samples, { from, to });
    if (!spark) throw new Error("no sparkline");
    for (const [, x, y] of points(spark.path)) {
      expect(Math.round(x * 10) / 10).toBe(x);
      expect(Math.round(y * 10) / 10).toBe(y);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(sparkSize.width);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(sparkSize.height);
    }
  });

  test("breaks the line where readings are missing, and shows a lone reading as a dot", () => {
    const spark = sparkline([reading(29, 10), reading(28, 10), reading(27, 10), reading(15, 10), reading(3, 10), reading(2, 10)], { from, to });
    if (!spark) throw new Error("no sparkline");
    expect(points(spark.path).map(([command]) => command)).toEqual(["M", "L", "L", "M", "M", "L"]);
    expect(spark.path).toContain("h0");
  });

  test("draws a flat line for an audience of nobody", () => {
    expect(sparkline([reading(10, 0), reading(0, 0)], { from, to })?.path).toBe("M80,26L120,26");
  });

  test("is absent with fewer than two readings in the window", () => {
    expect(sparkline([], { from, to })).toBeNull();
    expect(sparkline([reading(1, 5)], { from, to })).toBeNull();
    expect(sparkline([reading(45, 5), reading(1, 5), { at: to + minute, participantCount: 9 }], { from, to })).toBeNull();
  });
});
