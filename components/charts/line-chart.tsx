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

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;
const timeSteps = [1, 2, 5, 10, 15, 30]
  .map((n) => n * second)
  .concat(
    [1, 2, 5, 10, 15, 30].map((n) => n * minute),
    [1, 2, 3, 6, 12].map((n) => n * hour),
    [1, 2, 7, 14].map((n) => n * day),
  );

const number = (n: number) => n.toLocaleString("en");
/** Coordinates to a tenth of a unit: plenty on screen, and far less markup. */
const r1 = (n: number) => Math.round(n * 10) / 10;

/** A round step (1, 2 or 5 times a power of ten, at least 1) that cuts `span` into about `parts`. */
function niceStep(span: number, parts: number): number {
  const raw = Math.max(span / parts, 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
}

/** Tick times on round UTC boundaries (epoch time is aligned to UTC midnight), at most about six. */
function timeTicks(from: number, to: number): { ticks: number[]; label: (t: number) => string } {
  const span = to - from;
  const step = timeSteps.find((s) => span / s <= 6) ?? Math.ceil(span / 6 / day) * day;
  const ticks: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) ticks.push(t);
  const manyDays = utc(from).slice(0, 10) !== utc(to).slice(0, 10);
  const label = (t: number) => {
    const full = utc(t);
    if (step >= day) return full.slice(5, 10);
    const clock = step < minute ? full.slice(11, 19) : full.slice(11, 16);
    return manyDays ? `${full.slice(5, 10)} ${clock}` : clock;
  };
  return { ticks, label };
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

/** The rows the hidden table lists: all of them, or an even spread that always includes the highest. */
function tableRows(points: ChartPoint[]): ChartPoint[] {
  if (points.length <= maxTableRows) return points;
  const highest = points.reduce((a, b) => (b.value > a.value ? b : a));
  const picked = new Set(Array.from({ length: maxTableRows - 1 }, (_, i) => points[Math.round((i * (points.length - 1)) / (maxTableRows - 2))]));
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
 * browser): UTC time ticks, value ticks from zero, optional labelled marker lines, and for assistive
 * technology a one-sentence summary plus a hidden table of the readings.
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
  const time = timeTicks(from, to);
  const valueTicks = Array.from({ length: Math.round(valueMax / valueStep) + 1 }, (_, i) => i * valueStep);
  const xy = (p: ChartPoint) => `${x(p.at)},${y(p.value)}`;
  const rows = tableRows(sorted);

  return (
    <figure data-slot="line-chart" className={cn("w-full", className)}>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary(title, sorted, markers)} className="h-auto w-full overflow-visible">
        <g className="fill-muted-foreground" fontSize={11}>
          {valueTicks.map((v) => (
            <g key={v}>
              <line x1={plot.left} x2={plot.right} y1={y(v)} y2={y(v)} className="stroke-border" strokeWidth={1} />
              <text x={plot.left - 6} y={y(v)} textAnchor="end" dominantBaseline="middle">
                {number(v)}
              </text>
            </g>
          ))}
          {time.ticks.map((t) => (
            <g key={t}>
              <line x1={x(t)} x2={x(t)} y1={plot.bottom} y2={plot.bottom + 4} className="stroke-border" strokeWidth={1} />
              <text x={x(t)} y={plot.bottom + 16} textAnchor="middle">
                {time.label(t)}
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
