import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { BarChart } from "./bar-chart";
import type { Bar } from "./bar-chart";

/** The attributes of every `<name …>` opening tag in the markup, in order. */
function tags(html: string, name: string): Record<string, string>[] {
  return [...html.matchAll(new RegExp(`<${name}\\b([^>]*)>`, "g"))].map(([, attrs]) =>
    Object.fromEntries([...(attrs ?? "").matchAll(/([\w:-]+)="([^"]*)"/g)].map(([, key, value]) => [key, value])),
  );
}

/** A month of days, the last the busiest. */
const days: Bar[] = Array.from({ length: 30 }, (_, i) => ({ label: `2026-11-${String(i + 1).padStart(2, "0")}`, value: i === 29 ? 123_456 : i % 4 }));
const unit = { one: "event", other: "events" };

describe("the bar chart's readouts", () => {
  test("make every bar a keyboard stop named with its label and value", () => {
    const stops = tags(renderToStaticMarkup(<BarChart title="Events created per day" bars={days} unit={unit} />), "g").filter((g) => g.tabindex === "0");
    expect(stops).toHaveLength(30);
    expect(stops.every((s) => s.role === "img")).toBe(true);
    expect(stops.slice(0, 2).map((s) => s["aria-label"])).toEqual(["2026-11-01: 0 events", "2026-11-02: 1 event"]);
  });

  test("keep a long run of bars to the pointer alone", () => {
    const bars = Array.from({ length: 90 }, (_, i) => ({ label: `day ${i}`, value: i % 3 }));
    const html = renderToStaticMarkup(<BarChart title="Events created per day" bars={bars} unit={unit} />);
    expect(html).not.toContain("tabindex");
    expect(html.match(/<title>/g)).toHaveLength(90);
    expect(tags(html, "rect").filter((r) => r.rx === "4")).toHaveLength(90);
    expect(tags(html, "g").find((g) => g.role === "img")?.["aria-label"]).toMatch(/^Events created per day: 90 in total/);
  });

  test("show a stacked bar's parts in its readout and its name", () => {
    const html = renderToStaticMarkup(
      <BarChart
        title="Calls per day"
        bars={[{ label: "2026-11-20", value: 5, parts: { completed: 4, declined: 1 } }]}
        series={[
          { key: "completed", label: "Completed", className: "fill-success" },
          { key: "declined", label: "Declined", className: "fill-warning" },
        ]}
        unit={{ one: "call", other: "calls" }}
      />,
    );
    expect(html).toContain('aria-label="2026-11-20: 5 calls (Completed 4, Declined 1)"');
    expect(html).toMatch(/>2026-11-20<\/text><text [^>]*>5 calls<\/text><text [^>]*>Completed 4<\/text><text [^>]*>Declined 1<\/text>/);
  });

  test("keep every readout box inside the chart, turning to the left of the last bar", () => {
    const html = renderToStaticMarkup(<BarChart title="Events created per day" bars={days} unit={unit} />);
    const boxes = tags(html, "rect").filter((r) => r.rx === "4");
    expect(boxes).toHaveLength(30);
    for (const box of boxes) {
      expect(Number(box.x)).toBeGreaterThanOrEqual(0);
      expect(Number(box.x) + Number(box.width)).toBeLessThanOrEqual(720);
      expect(Number(box.y)).toBeGreaterThanOrEqual(0);
      expect(Number(box.y) + Number(box.height)).toBeLessThanOrEqual(220);
    }
    const lastBar = tags(html, "rect")
      .filter((r) => r.class?.includes("fill-primary"))
      .at(-1);
    expect(Number(boxes[29]?.x) + Number(boxes[29]?.width)).toBeLessThanOrEqual(Number(lastBar?.x));
  });
});
