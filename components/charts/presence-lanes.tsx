import Link from "next/link";
import { Fragment } from "react";
import type * as React from "react";
import { laneWindow, placeSpan, spanText, timeIn } from "@/lib/charts/presence";
import type { PresenceLabels, PresenceLane } from "@/lib/charts/presence";
import { utcTicks } from "@/lib/charts/time-axis";
import { cn } from "@/lib/utils";

const laneWidth = 1000;
const laneHeight = 16;
/** A disconnected stretch is a thinner bar as well as another colour, so colour is not the only signal. */
const thin = { y: 5, height: 6 };

const defaultLabels: PresenceLabels = { connected: "Connected", disconnected: "Disconnected", absent: "Not present" };

/** A tick label's place along the axis, kept inside it at the edges. */
function tickStyle(at: number, from: number, to: number): { style: React.CSSProperties; className: string } {
  const pct = Math.round(((at - from) / (to - from)) * 1000) / 10;
  if (pct < 6) return { style: { left: `${pct}%` }, className: "" };
  if (pct > 94) return { style: { right: `${Math.round((100 - pct) * 10) / 10}%` }, className: "" };
  return { style: { left: `${pct}%` }, className: "-translate-x-1/2" };
}

/**
 * Who was there over a stretch of time, one lane each, drawn on the server as plain SVG: connected stretches
 * as full bars, disconnected ones as thin bars of another colour, with UTC time ticks, a legend, each
 * stretch's times on hover, and for assistive technology a hidden table stating every lane's stretches.
 * Past `maxLanes` lanes the rest are counted, not drawn.
 */
export function PresenceLanes({
  title,
  lanes,
  from,
  to,
  laneHeader,
  noun,
  labels = defaultLabels,
  note,
  className,
}: {
  /** What the lanes show (`Host presence`): captions the chart and the table. */
  title: string;
  lanes: PresenceLane[];
  /** The window drawn, epoch ms. */
  from: number;
  to: number;
  /** Header of the lane column in the hidden table (`Host`). */
  laneHeader: string;
  /** What the lanes are, in the plural (`host sessions`), for the count of lanes not drawn. */
  noun: string;
  labels?: PresenceLabels;
  note?: React.ReactNode;
  className?: string;
}) {
  const { shown, hidden } = laneWindow(lanes, from, to);
  const at = timeIn(from, to);
  const ticks = utcTicks(from, to, 6);
  const x = (t: number) => Math.round(((t - from) / (to - from)) * laneWidth * 10) / 10;
  return (
    <figure data-slot="presence-lanes" className={cn("w-full space-y-2", className)}>
      <figcaption className="text-sm font-medium">
        {title} <span className="font-normal text-muted-foreground">{`from ${at(from)} to ${at(to)} UTC`}</span>
      </figcaption>
      <div className="grid grid-cols-[minmax(0,10rem)_minmax(0,1fr)] items-center gap-x-3 gap-y-1.5 text-xs">
        {shown.map((lane, i) => (
          <Fragment key={i}>
            <span className="truncate" title={lane.label}>
              {lane.href ? (
                <Link href={lane.href} className="hover:underline">
                  {lane.label}
                </Link>
              ) : (
                lane.label
              )}
            </span>
            <svg aria-hidden viewBox={`0 0 ${laneWidth} ${laneHeight}`} preserveAspectRatio="none" className="h-4 w-full">
              <rect width={laneWidth} height={laneHeight} rx={2} className="fill-muted" />
              {ticks.map((t) => (
                <line key={t.at} x1={x(t.at)} x2={x(t.at)} y1={0} y2={laneHeight} className="stroke-border" strokeWidth={1} vectorEffect="non-scaling-stroke" />
              ))}
              {lane.spans.map((s, j) => {
                const place = placeSpan(s, from, to, laneWidth);
                const connected = s.state === "connected";
                return (
                  <rect
                    key={j}
                    x={place.x}
                    width={place.width}
                    y={connected ? 0 : thin.y}
                    height={connected ? laneHeight : thin.height}
                    className={cn(connected ? "fill-primary" : "fill-warning", "hover:opacity-80")}
                  >
                    <title>{`${lane.label}: ${spanText(s, labels, at)}`}</title>
                  </rect>
                );
              })}
            </svg>
          </Fragment>
        ))}
        <span aria-hidden className="text-muted-foreground">
          UTC
        </span>
        <div aria-hidden className="relative h-4 text-muted-foreground tabular-nums">
          {ticks.map((t) => {
            const place = tickStyle(t.at, from, to);
            return (
              <span key={t.at} style={place.style} className={cn("absolute top-0 whitespace-nowrap", place.className)}>
                {t.label}
              </span>
            );
          })}
        </div>
      </div>
      <ul aria-hidden className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground">
        {(
          [
            [labels.connected, <rect key="c" width={16} height={10} rx={1} className="fill-primary" />],
            [labels.disconnected, <rect key="d" y={3} width={16} height={4} rx={1} className="fill-warning" />],
            [labels.absent, <rect key="a" width={16} height={10} rx={1} className="fill-muted stroke-border" />],
          ] as const
        ).map(([label, swatch]) => (
          <li key={label} className="flex items-center gap-1.5">
            <svg viewBox="0 0 16 10" className="h-2.5 w-4">
              {swatch}
            </svg>
            {label}
          </li>
        ))}
      </ul>
      {hidden > 0 && (
        <p className="text-xs text-muted-foreground">
          {`Showing the first ${shown.length} of ${lanes.length.toLocaleString("en")} ${noun}; ${hidden === 1 ? "the other one is" : `the other ${hidden.toLocaleString("en")} are`} not drawn.`}
        </p>
      )}
      {note && <p className="text-xs text-muted-foreground">{note}</p>}
      {/* The box is what is hidden: a table keeps its content's width whatever its own, and would widen the page. */}
      <div className="sr-only">
        <table>
          <caption>{`${title}${hidden > 0 ? `: the first ${shown.length} of ${lanes.length} ${noun}` : ""}`}</caption>
          <thead>
            <tr>
              <th scope="col">{laneHeader}</th>
              <th scope="col">Stretches</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((lane, i) => (
              <tr key={i}>
                <th scope="row">{lane.label}</th>
                <td>{lane.spans.length === 0 ? "No times known." : lane.spans.map((s) => spanText(s, labels, at)).join("; ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
