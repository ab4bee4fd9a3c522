import { Readout, readoutLayer } from "@/components/charts/readout";
import { utcTicks } from "@/lib/charts/time-axis";
import { utc } from "@/lib/format";
import { cn } from "@/lib/utils";

export interface ChartPoint {
  /** Epoch milliseconds. */
  at: number;
  value: number;
}

/** A horizontal line across the chart at `value`, labelled (e.g. a peak reported elsewhere). */
export interface ChartMarker {
  value: number;
  label: string;
}

const width = 640;
const margin = { top: 16, right: 12, bottom: 26, left: 44 };
/** Above this many points the hidden table lists an even spread of them (and the highest) instead. */
const maxTableRows = 30;
/**
 * Above this many points only an even spread of them (and the highest) answers the pointer: a readout is
 * about 300 bytes of markup, and at 640 units wide more would be a few units apart anyway.
 */
const maxReadouts = 90;

const minute = 60_000;

const number = (n: number) => n.toLocaleString("en");
/** Coordinates to a tenth of a unit: plenty on screen, and far less markup. */
const r1 = (n: number) => Math.round(n * 10) / 10;

/** A round step (1, 2 or 5 times a power of ten, at least 1) that cuts `span` into about `parts`. */
function niceStep(span: number, parts: number): number {
  const raw = Math.max(span / parts, 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
}

/** Consecutive points no further apart than `gapMs`: each run is drawn joined, runs are not joined to each other. */
function runs(points: ChartPoint[], gapMs: number | undefined): ChartPoint[][] {
  const out: ChartPoint[][] = [];
  for (const p of points) {
    const run = out[out.length - 1];
    const last = run?.[run.length - 1];
    if (run && last && (gapMs === undefined || p.at - last.at <= gapMs)) run.push(p);
    else out.push([p]);
  }
  return out;
}

/** Each point with its x, and its stretch of the plot to answer the pointer: halfway to its neighbours, as far again past the first and last. */
function hitAreas(
  points: ChartPoint[],
  x: (t: number) => number,
  plot: { left: number; right: number },
): { point: ChartPoint; x: number; left: number; right: number }[] {
  const xs = points.map((p) => x(p.at));
  return points.map((point, i) => {
    const at = xs[i] ?? plot.left;
    const before = xs[i - 1];
    const after = xs[i + 1];
    const halfBefore = before !== undefined ? (at - before) / 2 : after !== undefined ? (after - at) / 2 : 8;
    const halfAfter = after !== undefined ? (after - at) / 2 : halfBefore;
    return { point, x: at, left: r1(Math.max(plot.left, at - halfBefore)), right: r1(Math.min(plot.right, at + halfAfter)) };
  });
}

/** All the points, or at most `max` of them evenly spread, always with the highest (the hidden table's rows, the readouts). */
function spread(points: ChartPoint[], max: number): ChartPoint[] {
  if (points.length <= max) return points;
  const highest = points.reduce((a, b) => (b.value > a.value ? b : a));
  const picked = new Set(Array.from({ length: max - 1 }, (_, i) => points[Math.round((i * (points.length - 1)) / (max - 2))]));
  picked.add(highest);
  return [...picked].filter((p): p is ChartPoint => p !== undefined).sort((a, b) => a.at - b.at);
}

/** One sentence a screen reader announces for the whole chart. */
function summary(title: string, points: ChartPoint[], markers: ChartMarker[]): string {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return `${title}: no data.`;
  const highest = points.reduce((a, b) => (b.value > a.value ? b : a));
  const lowest = points.reduce((a, b) => (b.value < a.value ? b : a));
  const marked = markers.map((m) => ` ${m.label}: ${number(m.value)}.`).join("");
  return (
    `${title}, ${number(points.length)} readings from ${utc(first.at, "minute")} to ${utc(last.at, "minute")} UTC: ` +
    `highest ${number(highest.value)} at ${utc(highest.at, "minute")}, lowest ${number(lowest.value)}, last ${number(last.value)}.${marked}`
  );
}

/**
 * A line and area chart of values over time, drawn as plain SVG on the server (no script reaches the
 * browser): UTC time ticks, value ticks from zero, optional labelled marker lines, a readout of the
 * nearest reading under the pointer, and for assistive technology a one-sentence summary plus a hidden
 * table of the readings. The table's readings are also keyboard stops that show their readout.
 */
export function LineChart({
  points,
  title,
  valueLabel,
  markers = [],
  gapMs,
  span,
  height = 220,
  className,
}: {
  points: ChartPoint[];
  /** What is charted, e.g. "People watching"; starts the accessible summary. */
  title: string;
  /** Header of the value column in the hidden table. */
  valueLabel: string;
  markers?: ChartMarker[];
  /** Points further apart than this are not joined, so a stretch without readings shows as a gap. */
  gapMs?: number;
  /** The time axis's own edges when wider than the points (an event's start and end); the points' span otherwise. */
  span?: { from?: number | undefined; to?: number | undefined };
  height?: number;
  className?: string;
}) {
  const sorted = [...points].sort((a, b) => a.at - b.at);
  const firstAt = Math.min(sorted[0]?.at ?? 0, span?.from ?? Infinity);
  const lastAt = Math.max(sorted[sorted.length - 1]?.at ?? 0, span?.to ?? -Infinity);
  const [from, to] = lastAt > firstAt ? [firstAt, lastAt] : [firstAt - minute, firstAt + minute];
  const top = Math.max(1, ...sorted.map((p) => p.value), ...markers.map((m) => m.value));
  const valueStep = niceStep(top, 4);
  const valueMax = Math.ceil(top / valueStep) * valueStep;
  const plot = { left: margin.left, right: width - margin.right, top: margin.top, bottom: height - margin.bottom };
  const x = (t: number) => r1(plot.left + ((t - from) / (to - from)) * (plot.right - plot.left));
  const y = (v: number) => r1(plot.bottom - (v / valueMax) * (plot.bottom - plot.top));
  const ticks = utcTicks(from, to);
  const valueTicks = Array.from({ length: Math.round(valueMax / valueStep) + 1 }, (_, i) => i * valueStep);
  const xy = (p: ChartPoint) => `${x(p.at)},${y(p.value)}`;
  const rows = spread(sorted, maxTableRows);
  const stops = new Set(rows);
  // The table's rows are keyboard stops, so they answer the pointer too.
  const readouts = [...new Set([...spread(sorted, maxReadouts), ...rows])].sort((a, b) => a.at - b.at);
  const oneDay = utc(from).slice(0, 10) === utc(to).slice(0, 10);
  const when = (t: number) => `${oneDay ? utc(t, "clock") : utc(t)} UTC`;

  return (
    <figure data-slot="line-chart" className={cn("w-full", className)}>
      {/* The drawing is an image named by the summary; the readings' keyboard stops sit beside it, as an image's contents are presentational. */}
      <svg viewBox={`0 0 ${width} ${height}`} role="group" className="h-auto w-full overflow-visible">
        <g role="img" aria-label={summary(title, sorted, markers)}>
          <g className="fill-muted-foreground" fontSize={11}>
            {valueTicks.map((v) => (
              <g key={v}>
                <line x1={plot.left} x2={plot.right} y1={y(v)} y2={y(v)} className="stroke-border" strokeWidth={1} />
                <text x={plot.left - 6} y={y(v)} textAnchor="end" dominantBaseline="middle">
                  {number(v)}
                </text>
              </g>
            ))}
            {ticks.map((t) => (
              <g key={t.at}>
                <line x1={x(t.at)} x2={x(t.at)} y1={plot.bottom} y2={plot.bottom + 4} className="stroke-border" strokeWidth={1} />
                <text x={x(t.at)} y={plot.bottom + 16} textAnchor="middle">
                  {t.label}
                </text>
              </g>
            ))}
            <text x={plot.right} y={height - 1} textAnchor="end" fontSize={10}>
              UTC
            </text>
          </g>
          {runs(sorted, gapMs).map((run, i) =>
            run.length === 1 && run[0] ? (
              <circle key={i} cx={x(run[0].at)} cy={y(run[0].value)} r={2.5} className="fill-primary" />
            ) : (
              <g key={i}>
                <path
                  d={`M${x(run[0]?.at ?? 0)},${plot.bottom} L${run.map(xy).join(" L")} L${x(run[run.length - 1]?.at ?? 0)},${plot.bottom} Z`}
                  className="fill-primary/10 stroke-none"
                />
                <path d={`M${run.map(xy).join(" L")}`} fill="none" className="stroke-primary" strokeWidth={2} strokeLinejoin="round" />
              </g>
            ),
          )}
          {markers.map((m) => (
            <g key={m.label} className="text-muted-foreground">
              <line x1={plot.left} x2={plot.right} y1={y(m.value)} y2={y(m.value)} stroke="currentColor" strokeWidth={1} strokeDasharray="4 3" />
              <text x={plot.right} y={y(m.value) - 4} textAnchor="end" fontSize={11} fill="currentColor">
                {m.label}: {number(m.value)}
              </text>
            </g>
          ))}
        </g>
        <g className={cn(readoutLayer, "[&>g>rect]:fill-transparent")} fontSize={11}>
          {hitAreas(readouts, x, plot).map(({ point: p, x: px, left, right }, i) => {
            const name = `${when(p.at)}, ${title}: ${number(p.value)}`;
            // The spread answers the pointer; only the table's few are keyboard stops, the rest stay out of the accessibility tree.
            const reach = stops.has(p) ? { tabIndex: 0, role: "img", "aria-label": name } : { "aria-hidden": true };
            return (
              <g key={i} {...reach}>
                <rect x={left} y={plot.top} width={r1(right - left)} height={plot.bottom - plot.top} />
                <Readout at={{ x: px, y: y(p.value) }} chart={{ width, height }} when={when(p.at)} value={`${valueLabel}: ${number(p.value)}`} dot />
              </g>
            );
          })}
        </g>
      </svg>
      <table className="sr-only">
        <caption>
          {title}
          {rows.length < sorted.length ? `: ${rows.length} of ${sorted.length} readings, evenly spread, with the highest` : ""}
        </caption>
        <thead>
          <tr>
            <th scope="col">Time (UTC)</th>
            <th scope="col">{valueLabel}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p, i) => (
            <tr key={i}>
              <td>{utc(p.at)}</td>
              <td>{number(p.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
