import { cn } from "@/lib/utils";

/** The width a character takes at 11 units in the console's sans (digits tabular), rounded up: the server cannot measure text. */
const charWidth = 6.4;
const lineHeight = 15;
const padX = 6;
const padY = 4;

/**
 * The styles of a layer of points, set once on the layer rather than on each of its (up to hundreds of)
 * elements. Each child `<g>` is a point: a hit area, then its readout `<g>` (see `Readout`), which shows
 * while the point is hovered or has keyboard focus; a focused point's dot gets a ring.
 */
export const readoutLayer = cn(
  "[&>g]:outline-none",
  "[&>g>g]:pointer-events-none [&>g>g]:opacity-0 [&>g:focus-visible>g]:opacity-100 [&>g:hover>g]:opacity-100",
  "[&>g>g>circle]:fill-primary [&>g>g>circle]:stroke-background [&>g>g>circle]:[stroke-width:1.5px]",
  "[&>g:focus-visible>g>circle]:stroke-ring [&>g:focus-visible>g>circle]:[stroke-width:3px]",
  "[&>g>g>rect]:fill-popover [&>g>g>rect]:stroke-border",
  "[&>g>g>text]:fill-muted-foreground [&>g>g>text]:tabular-nums",
  "[&>g>g>text:nth-of-type(2)]:fill-popover-foreground [&>g>g>text:nth-of-type(2)]:font-medium",
);

export interface ReadoutBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Where a readout's box goes beside the point `at`, `gap` clear of it: to its right, or to its left where
 * the right would leave the chart, and held within the chart's height. Its size is estimated from the
 * lines' lengths.
 */
export function readoutBox(at: { x: number; y: number }, lines: string[], chart: { width: number; height: number }, gap = 10): ReadoutBox {
  const width = Math.ceil(Math.max(0, ...lines.map((l) => l.length)) * charWidth + 2 * padX);
  const height = lines.length * lineHeight + 2 * padY;
  const right = at.x + gap;
  const x = right + width <= chart.width ? right : Math.max(0, at.x - gap - width);
  const y = Math.min(Math.max(0, at.y - height / 2), Math.max(0, chart.height - height));
  return { x: Math.round(x), y: Math.round(y), width, height };
}

/**
 * A point's readout, inside a `readoutLayer`: a box beside the point with when it was (muted), its value
 * and any details, and with `dot` a dot on the point. Hidden until the point is hovered or focused, by CSS
 * alone, so the chart stays free of script. Assistive technology skips it: its point is either an image
 * named with the same words or hidden.
 */
export function Readout({
  at,
  chart,
  when,
  value,
  details = [],
  dot = false,
  gap,
}: {
  at: { x: number; y: number };
  chart: { width: number; height: number };
  when: string;
  value: string;
  details?: string[];
  dot?: boolean;
  /** How far the box keeps from the point (a bar's half-width and more). */
  gap?: number;
}) {
  const lines = [when, value, ...details];
  const box = readoutBox(at, lines, chart, gap);
  return (
    <g>
      {dot && <circle cx={at.x} cy={at.y} r={3.5} />}
      <rect x={box.x} y={box.y} width={box.width} height={box.height} rx={4} />
      {lines.map((line, i) => (
        // At 11 units, a baseline 4 below a line's middle centres it there without a dominant-baseline on each text.
        <text key={i} x={box.x + padX} y={box.y + padY + (i + 0.5) * lineHeight + 4}>
          {line}
        </text>
      ))}
    </g>
  );
}
