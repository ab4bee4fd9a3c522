import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { LineChart } from "./line-chart";
import type { ChartPoint } from "./line-chart";

/** The attributes of every `<name …>` opening tag in the markup, in order. */
function tags(html: string, name: string): Record<string, string>[] {
  return [...html.matchAll(new RegExp(`<${name}\\b([^>]*)>`, "g"))].map(([, attrs]) =>
    Object.fromEntries([...(attrs ?? "").matchAll(/([\w:-]+)="([^"]*)"/g)].map(([, key, value]) => [key, value])),
  );
}

/** The markup of the `<g>` element that opens at `from`, through its matching close. */
function element(html: string, from: number): string {
  const tag = /<(\/?)g\b[^>]*>/g;
  tag.lastIndex = from;
  let depth = 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.slice(from, tag.lastIndex);
  }
  return html.slice(from);
}

const start = Date.UTC(2026, 10, 25, 14, 0, 0);
/** A reading every 15 s for 75 minutes, one spike among them. */
const readings: ChartPoint[] = Array.from({ length: 300 }, (_, i) => ({ at: start + i * 15_000, value: i === 137 ? 5000 : 1000 + (i % 40) }));

function chart(points: ChartPoint[] = readings, height = 220) {
  return renderToStaticMarkup(<LineChart title="People watching" valueLabel="Watching" points={points} height={height} />);
}

describe("the line chart's readouts", () => {
  test("answer the pointer at an even spread of about 90 readings, their hit areas covering the plot side by side", () => {
    const html = chart();
    const areas = tags(html, "rect").filter((r) => r.height === "178");
    expect(areas.length).toBeGreaterThanOrEqual(90);
    expect(areas.length).toBeLessThanOrEqual(120);
    expect(tags(chart(readings.slice(0, 40)), "rect").filter((r) => r.height === "178")).toHaveLength(40);
    expect(html).toContain(">People watching: 5,000</text>".replace("People watching", "Watching"));
    expect(Number(areas[0]?.x)).toBe(44);
    const last = areas[areas.length - 1];
    expect(Number(last?.x) + Number(last?.width)).toBeCloseTo(628, 1);
    areas.slice(1).forEach((area, i) => {
      const before = areas[i];
      expect(Number(area.x)).toBeCloseTo(Number(before?.x) + Number(before?.width), 0);
    });
  });

  test("make at most 30 readings keyboard stops, the highest among them", () => {
    const stops = tags(chart(), "g").filter((g) => g.tabindex === "0");
    expect(stops.length).toBeGreaterThan(20);
    expect(stops.length).toBeLessThanOrEqual(30);
    expect(stops.map((s) => s["aria-label"])).toContain("14:34:15 UTC, People watching: 5,000");
    expect(stops.every((s) => s.role === "img")).toBe(true);
  });

  test("name each stop with the reading's time and value", () => {
    const stops = tags(chart(readings.slice(0, 12)), "g").filter((g) => g.tabindex === "0");
    expect(stops).toHaveLength(12);
    expect(stops[0]?.["aria-label"]).toBe("14:00:00 UTC, People watching: 1,000");
    expect(stops[5]?.["aria-label"]).toBe("14:01:15 UTC, People watching: 1,005");
  });

  test("hide the readings that are not stops from assistive technology", () => {
    const points = tags(chart(), "g").filter((g) => g.tabindex === "0" || g["aria-hidden"] === "true");
    expect(points.length).toBeLessThanOrEqual(120);
    expect(points.filter((g) => g["aria-hidden"] === "true").every((g) => g["aria-label"] === undefined)).toBe(true);
  });

  test("show the date as well when the readings span more than one day", () => {
    const html = chart([
      { at: Date.UTC(2026, 10, 25, 23, 50), value: 4 },
      { at: Date.UTC(2026, 10, 26, 0, 10), value: 7 },
    ]);
    expect(html).toContain('aria-label="2026-11-26 00:10:00 UTC, People watching: 7"');
    expect(html).toContain(">2026-11-26 00:10:00 UTC</text>");
    expect(html).toContain(">Watching: 7</text>");
  });

  test("keep every readout box inside the chart, turning to the left of a reading at the right edge", () => {
    const height = 160;
    const html = chart(
      [
        { at: start, value: 0 },
        { at: start + 60_000, value: 123_456_789 },
      ],
      height,
    );
    const boxes = tags(html, "rect").filter((r) => r.rx === "4");
    expect(boxes).toHaveLength(2);
    for (const box of boxes) {
      expect(Number(box.x)).toBeGreaterThanOrEqual(0);
      expect(Number(box.x) + Number(box.width)).toBeLessThanOrEqual(640);
      expect(Number(box.y)).toBeGreaterThanOrEqual(0);
      expect(Number(box.y) + Number(box.height)).toBeLessThanOrEqual(height);
    }
    const dot = tags(html, "circle").filter((c) => c.r === "3.5")[1];
    expect(Number(boxes[1]?.x) + Number(boxes[1]?.width)).toBeLessThan(Number(dot?.cx));
  });
});

describe("the line chart for assistive technology", () => {
  test("keeps the summary image outside the group that holds the stops, and the table of readings", () => {
    const html = chart();
    expect(tags(html, "svg")[0]?.role).toBe("group");
    const image = tags(html, "g").filter((g) => g.role === "img" && g.tabindex === undefined);
    expect(image.map((g) => g["aria-label"])).toEqual([
      expect.stringMatching(/^People watching, 300 readings from 2026-11-25 14:00 to 2026-11-25 15:14 UTC: highest 5,000 at/),
    ]);
    // An image's contents are presentational: no stop may sit inside it.
    const drawing = element(html, html.indexOf('<g role="img"'));
    expect(drawing).toContain("<path");
    expect(drawing).not.toContain("tabindex");
    expect(html.match(/<tr>/g)).toHaveLength(31);
  });
});
