import { Readout, readoutLayer } from "@/components/charts/readout";
import { cn } from "@/lib/utils";

export interface Bar {
  /** The bar's full name, used in its tooltip, the summary and the table (`2026-11-20`). */
  label: string;
  value: number;
  /** A shorter name for the x axis (`Nov 20`); the label when absent. */
  tick?: string;
  /** With `series`: the value split by series key (parts sum to `value`). */
  parts?: Record<string, number>;
}

/** One layer of a stacked chart: its key in a bar's `parts`, its name, and its fill class. */
export interface Series {
  key: string;
  label: string;
  className: string;
}

export interface BarChartProps {
  /** What the chart shows (`Events created per day, last 30 days`): starts the summary and captions the table. */
  title: string;
  bars: Bar[];
  /** The unit of a value, singular and plural (`{ one: "event", other: "events" }`). */
  unit: { one: string; other: string };
  /** Column headers of the hidden table. */
  columns?: [label: string, value: string];
  /** Label every n-th bar on the x axis, counted back from the last bar (which is always labelled). */
  tickEvery?: number;
  /** Stacks each bar by these series, bottom first, with a legend; the hidden table gets a column each. */
  series?: Series[];
  className?: string;
}

const width = 720;
const height = 220;
const margin = { top: 10, right: 8, bottom: 26, left: 40 };
const plotW = width - margin.left - margin.right;
const plotH = height - margin.top - margin.bottom;
/** Up to this many bars, each is a keyboard stop; past it, tabbing through them would cost more than the table they repeat. */
const maxStops = 60;

const number = (value: number) => value.toLocaleString("en");

/** A round step giving about four whole-number ticks from zero to at least `max`. */
function yScale(max: number): { top: number; ticks: number[] } {
  const raw = Math.max(max, 1) / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw);
  const top = Math.max(step, Math.ceil(max / step) * step);
  return { top, ticks: Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step) };
}

/** One sentence for screen readers: the total and the highest bar. */
export function barChartSummary(title: string, bars: Bar[]): string {
  const total = bars.reduce((sum, b) => sum + b.value, 0);
  const highest = bars.reduce<Bar | null>((best, b) => (best === null || b.value > best.value ? b : best), null);
  if (total === 0 || highest === null) return `${title}: none`;
  return `${title}: ${number(total)} in total, most on ${highest.label} (${number(highest.value)})`;
}

/** The chart's values as a table: a column per series when stacked, then the bar's whole value. */
function ValueTable({
  title,
  bars,
  columns,
  series,
  className,
}: {
  title: string;
  bars: Bar[];
  columns: [string, string];
  series?: Series[];
  className: string;
}) {
  return (
    <table className={className}>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{columns[0]}</th>
          {series?.map((s) => (
            <th key={s.key} scope="col">
              {s.label}
            </th>
          ))}
          <th scope="col">{columns[1]}</th>
        </tr>
      </thead>
      <tbody>
        {bars.map((bar) => (
          <tr key={bar.label}>
            <th scope="row">{bar.label}</th>
            {series?.map((s) => (
              <td key={s.key}>{number(bar.parts?.[s.key] ?? 0)}</td>
            ))}
            <td>{number(bar.value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One stacked bar: a rect per series with a share of the bar, bottom first. */
function Stack({ bar, series, x, width, y }: { bar: Bar; series: Series[]; x: number; width: number; y: (value: number) => number }) {
  const parts = series.map((s) => ({ s, part: bar.parts?.[s.key] ?? 0 }));
  const below = parts.map((_, i) => parts.slice(0, i).reduce((sum, p) => sum + p.part, 0));
  return (
    <>
      {parts.map(({ s, part }, i) => {
        if (part <= 0) return null;
        const base = below[i] ?? 0;
        const top = y(base + part);
        return <rect key={s.key} x={x} y={top} width={width} height={y(base) - top} className={cn(s.className, "group-hover:opacity-80")} />;
      })}
    </>
  );
}

/**
 * A bar chart drawn as SVG on the server (no chart library, no client JS): y ticks with grid lines, x
 * labels every few bars, a readout per bar on hover and (up to `maxStops` bars) keyboard focus, a
 * one-sentence summary for screen readers and a visually hidden table of the values. Values are whole
 * numbers from zero; zero bars show as a thin stub. Given `series`, each bar is stacked by its parts,
 * with a legend.
 */
export function BarChart({ title, bars, unit, columns = ["Label", "Value"], tickEvery, series, className }: BarChartProps) {
  const max = bars.reduce((m, b) => Math.max(m, b.value), 0);
  const { top, ticks } = yScale(max);
  const slot = plotW / Math.max(bars.length, 1);
  const barW = Math.max(1, slot * 0.72);
  const every = tickEvery ?? Math.max(1, Math.ceil(bars.length / 6));
  const y = (value: number) => margin.top + plotH - (value / top) * plotH;
  const units = (value: number) => `${number(value)} ${value === 1 ? unit.one : unit.other}`;
  const focusable = bars.length > 0 && bars.length <= maxStops;

  return (
    <figure className={cn("w-full", className)}>
      {/* The grid is an image named by the summary; the bars' keyboard stops sit beside it, as an image's contents are presentational. */}
      <svg role="group" viewBox={`0 0 ${width} ${height}`} className="h-auto w-full overflow-visible" fontSize={11}>
        <g role="img" aria-label={barChartSummary(title, bars)}>
          {ticks.map((tick) => (
            <g key={tick}>
              <line x1={margin.left} x2={width - margin.right} y1={y(tick)} y2={y(tick)} className="stroke-border" strokeWidth={1} />
              <text x={margin.left - 6} y={y(tick)} textAnchor="end" dominantBaseline="middle" className="fill-muted-foreground tabular-nums">
                {number(tick)}
              </text>
            </g>
          ))}
        </g>
        <g className={readoutLayer}>
          {bars.map((bar, i) => {
            const x = margin.left + i * slot;
            const h = Math.max(0, y(0) - y(bar.value));
            const parts = series && bar.value > 0 ? series.flatMap((s) => (bar.parts?.[s.key] ? [`${s.label} ${number(bar.parts[s.key] ?? 0)}`] : [])) : [];
            const name = `${bar.label}: ${units(bar.value)}${parts.length > 0 ? ` (${parts.join(", ")})` : ""}`;
            const reach = focusable ? { tabIndex: 0, role: "img", "aria-label": name } : { "aria-hidden": true };
            return (
              <g key={bar.label} className="group" {...reach}>
                <title>{name}</title>
                <rect x={x} y={margin.top} width={slot} height={plotH} className="fill-transparent group-focus-visible:stroke-ring" strokeWidth={2} />
                {bar.value > 0 && series ? (
                  <Stack bar={bar} series={series} x={x + (slot - barW) / 2} width={barW} y={y} />
                ) : bar.value > 0 ? (
                  <rect
                    x={x + (slot - barW) / 2}
                    y={y(bar.value)}
                    width={barW}
                    height={h}
                    rx={Math.min(2, barW / 4)}
                    className="fill-primary group-hover:opacity-80"
                  />
                ) : (
                  <rect x={x + (slot - barW) / 2} y={y(0) - 1.5} width={barW} height={1.5} className="fill-muted-foreground/50" />
                )}
                {(bars.length - 1 - i) % every === 0 && (
                  <text x={x + slot / 2} y={height - 8} textAnchor="middle" className="fill-muted-foreground">
                    {bar.tick ?? bar.label}
                  </text>
                )}
                <Readout
                  at={{ x: x + slot / 2, y: y(bar.value) }}
                  chart={{ width, height }}
                  gap={barW / 2 + 6}
                  when={bar.label}
                  value={units(bar.value)}
                  details={parts}
                />
              </g>
            );
          })}
        </g>
      </svg>
      {series && (
        <ul aria-hidden className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground">
          {series.map((s) => (
            <li key={s.key} className="flex items-center gap-1.5">
              <svg viewBox="0 0 10 10" className="size-2.5">
                <rect width={10} height={10} rx={2} className={s.className} />
              </svg>
              {s.label}
            </li>
          ))}
        </ul>
      )}
      {series ? (
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer text-muted-foreground">Show the numbers</summary>
          <ValueTable
            title={title}
            bars={bars}
            columns={columns}
            series={series}
            className="mt-2 w-full text-right text-xs tabular-nums [&_th:first-child]:text-left"
          />
        </details>
      ) : (
        <ValueTable title={title} bars={bars} columns={columns} className="sr-only" />
      )}
    </figure>
  );
}
