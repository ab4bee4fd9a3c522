import { describe, expect, test } from "vitest";
import { clipSpans, laneWindow, placeSpan, spanText, timeIn } from "./presence";
import type { PresenceLabels } from "./presence";

const labels: PresenceLabels = { connected: "Connected", disconnected: "Disconnected", absent: "Not present" };
const day = Date.UTC(2026, 10, 25);
const minute = 60_000;

describe("presence lanes", () => {
  test("cut spans to the window, drop the empty ones and join touching spans of one state", () => {
    expect(
      clipSpans(
        [
          { from: 50, to: 80, state: "connected" },
          { from: -20, to: 10, state: "disconnected" },
          { from: 10, to: 50, state: "connected" },
          { from: 80, to: 80, state: "disconnected" },
          { from: 80, to: 200, state: "disconnected" },
          { from: 150, to: 300, state: "connected" },
        ],
        0,
        100,
      ),
    ).toEqual([
      { from: 0, to: 10, state: "disconnected" },
      { from: 10, to: 80, state: "connected" },
      { from: 80, to: 100, state: "disconnected" },
    ]);
  });

  test("place a span along the lane to a tenth of a unit, never thinner than a hairline", () => {
    expect(placeSpan({ from: 250, to: 500, state: "connected" }, 0, 1000, 1000)).toEqual({ x: 250, width: 250 });
    expect(placeSpan({ from: 1, to: 4, state: "connected" }, 0, 3000, 1000)).toEqual({ x: 0.3, width: 1 });
    expect(placeSpan({ from: 100_000, to: 100_001, state: "disconnected" }, 0, 3_600_000, 1000)).toEqual({ x: 27.8, width: 0.5 });
  });

  test("state each span in UTC words, with the day only when the window spans more than one", () => {
    const span = { from: day + 14 * 60 * minute, to: day + 14 * 60 * minute + 20 * minute, state: "connected" as const };
    expect(spanText(span, labels, timeIn(day, day + 23 * 60 * minute))).toBe("Connected 14:00:00 to 14:20:00 UTC (20 min)");
    expect(spanText({ ...span, state: "disconnected" }, labels, timeIn(day - minute, day + minute))).toBe(
      "Disconnected 2026-11-25 14:00:00 to 2026-11-25 14:20:00 UTC (20 min)",
    );
  });

  test("draw at most the cap of lanes in their order and count the rest", () => {
    const lanes = Array.from({ length: 23 }, (_, i) => ({ label: `host-${i}`, spans: [{ from: -5, to: 5, state: "connected" as const }] }));
    const { shown, hidden } = laneWindow(lanes, 0, 10);
    expect(shown).toHaveLength(20);
    expect(hidden).toBe(3);
    expect(shown[19]?.label).toBe("host-19");
    expect(shown[0]?.spans).toEqual([{ from: 0, to: 5, state: "connected" }]);
    expect(laneWindow(lanes.slice(0, 2), 0, 10).hidden).toBe(0);
  });
});
