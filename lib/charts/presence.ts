import { duration, utc } from "@/lib/format";

// Presence lanes: who was there over a stretch of time, one lane each, in stretches of a state.

export type PresenceState = "connected" | "disconnected";

/** A stretch of one state, epoch ms from `from` to `to`. */
export interface PresenceSpan {
  from: number;
  to: number;
  state: PresenceState;
}

export interface PresenceLane {
  label: string;
  /** Where the label links (a user's case file). */
  href?: string;
  spans: PresenceSpan[];
}

/** What each state means on a chart, and what the empty lane between spans means. */
export type PresenceLabels = Record<PresenceState | "absent", string>;

/** Most lanes one chart draws; the rest are counted. */
export const maxLanes = 20;

/**
 * The spans in order, cut to the window `from`–`to`, without empty ones, and with touching spans of one
 * state joined, so each stretch is one bar and one sentence.
 */
export function clipSpans(spans: PresenceSpan[], from: number, to: number): PresenceSpan[] {
  const out: PresenceSpan[] = [];
  for (const s of [...spans].sort((a, b) => a.from - b.from)) {
    const span = { from: Math.max(s.from, from), to: Math.min(s.to, to), state: s.state };
    if (span.to <= span.from) continue;
    const last = out[out.length - 1];
    if (last && last.state === span.state && span.from <= last.to) last.to = Math.max(last.to, span.to);
    else out.push(span);
  }
  return out;
}

/** Coordinates to a tenth of a unit: plenty on screen, and far less markup. */
const r1 = (n: number) => Math.round(n * 10) / 10;

/** Where a span sits in a lane `width` units wide showing `from`–`to`: its left edge and width, at least a hairline. */
export function placeSpan(span: PresenceSpan, from: number, to: number, width: number): { x: number; width: number } {
  const scale = width / Math.max(1, to - from);
  const x = r1((span.from - from) * scale);
  return { x, width: Math.max(0.5, r1(r1((span.to - from) * scale) - x)) };
}

/** A time as a chart's sentences give it: the clock alone when the whole window is one UTC day. */
export function timeIn(from: number, to: number): (t: number) => string {
  const oneDay = utc(from).slice(0, 10) === utc(to).slice(0, 10);
  return (t) => (oneDay ? utc(t, "clock") : utc(t));
}

/** One span in words: `Connected 14:00:05 to 14:20:00 UTC (20 min)`. */
export function spanText(span: PresenceSpan, labels: PresenceLabels, at: (t: number) => string): string {
  return `${labels[span.state]} ${at(span.from)} to ${at(span.to)} UTC (${duration(span.to - span.from)})`;
}

/**
 * Lanes to draw, at most `most`, with every span cut to the window; `hidden` counts those left out. Lanes
 * keep their order.
 */
export function laneWindow(lanes: PresenceLane[], from: number, to: number, most = maxLanes): { shown: PresenceLane[]; hidden: number } {
  const shown = lanes.slice(0, most).map((l) => ({ ...l, spans: clipSpans(l.spans, from, to) }));
  return { shown, hidden: Math.max(0, lanes.length - shown.length) };
}
