// The window the overview pages share (live events, calls). Pure: no secrets, no I/O.

/** How many UTC days an overview covers, today included. */
export const overviewDays = 30;
/** How long one walk of a list answers every overview read of this process, from when it finished. */
export const overviewReuseMs = 60_000;

const dayMs = 86_400_000;

/** Start (UTC midnight, ms) of the oldest of the `overviewDays` days that end with the day of `now`. */
export function windowStart(now: number): number {
  return Math.floor(now / dayMs) * dayMs - (overviewDays - 1) * dayMs;
}
