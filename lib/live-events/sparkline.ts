// No "server-only": the on-air cards (a client component) read the window and the drawing's size from here.

/** How far back an on-air card's sparkline reaches. */
export const sparkWindowMs = 30 * 60_000;

/** The drawing's own units: the `viewBox` the path is scaled to. */
export const sparkSize = { width: 120, height: 28 } as const;

/** A small audience line drawn on the server: an SVG path in `sparkSize` units and the readings it summarises. */
export interface Spark {
  /** The `d` of an SVG path; separate runs where readings are missing. */
  path: string;
  /** The lowest and highest readings. */
  min: number;
  max: number;
  /** The first and the last readings. */
  from: number;
  to: number;
}

/** Room left above and below the line, so a stroke at the top or bottom is not cut off. */
const pad = 2;
/** Coordinates to a tenth of a unit: plenty at this size, and a short path. */
const r1 = (n: number) => Math.round(n * 10) / 10;

/** Readings further apart than three typical spacings were not taken in one stretch. */
function gapMs(points: { at: number }[]): number {
  const spacings = points
    .slice(1)
    .map((p, i) => p.at - (points[i]?.at ?? p.at))
    .sort((a, b) => a - b);
  return 3 * (spacings[Math.floor(spacings.length / 2)] ?? 0);
}

/**
 * An audience's sparkline over the window `from`–`to` (epoch ms): time across, people watching up from zero
 * (so a small wobble in a large audience stays small), a break where readings are missing. Null with fewer
 * than two readings in the window.
 */
export function sparkline(samples: { at: number; participantCount: number }[], { from, to }: { from: number; to: number }): Spark | null {
  const points = samples.filter((s) => s.at >= from && s.at <= to).sort((a, b) => a.at - b.at);
  const first = points[0];
  const last = points[points.length - 1];
  if (points.length < 2 || !first || !last || to <= from) return null;
  const values = points.map((p) => p.participantCount);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const x = (at: number) => r1(((at - from) / (to - from)) * sparkSize.width);
  const y = (n: number) => r1(sparkSize.height - pad - (max === 0 ? 0 : (n / max) * (sparkSize.height - 2 * pad)));
  const gap = gapMs(points);
  const joined = (i: number) => {
    const [a, b] = [points[i - 1], points[i]];
    return a !== undefined && b !== undefined && b.at - a.at <= gap;
  };
  // A reading alone between two breaks is a zero-length line, which a round line cap shows as a dot.
  const path = points.map((p, i) => `${joined(i) ? "L" : "M"}${x(p.at)},${y(p.participantCount)}${!joined(i) && !joined(i + 1) ? "h0" : ""}`).join("");
  return { path, min, max, from: first.participantCount, to: last.participantCount };
}

/** The sparkline in one sentence, for screen readers. */
export function sparkSummary(spark: Spark): string {
  const n = (v: number) => v.toLocaleString("en");
  return `Audience over the last ${sparkWindowMs / 60_000} minutes: from ${n(spark.from)} to ${n(spark.to)}, highest ${n(spark.max)}, lowest ${n(spark.min)}.`;
}
