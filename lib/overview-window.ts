// The window and reuse rules the overview pages share (live events, calls). Pure: no secrets, no I/O.

/** How many UTC days an overview covers, today included. */
export const overviewDays = 30;
/** How long one walk of a list answers every overview read of this process, from when it finished. */
export const overviewReuseMs = 60_000;

const dayMs = 86_400_000;

/** Start (UTC midnight, ms) of the oldest of the `overviewDays` days that end with the day of `now`. */
export function windowStart(now: number): number {
  return Math.floor(now / dayMs) * dayMs - (overviewDays - 1) * dayMs;
}

/**
 * Shares one result of `load` for `ttlMs` from when it finished; callers while a read is under way share
 * that read, however long it takes, so a slow walk never runs twice at once. A failed read is not kept,
 * so the next caller asks again. The arguments of the call that starts a read are the ones it uses (the
 * process's one Sendbird client, for the overviews).
 */
export function reuseFor<A extends unknown[], T>(ttlMs: number, load: (...args: A) => Promise<T>, clock: () => number = Date.now): (...args: A) => Promise<T> {
  let last: { value: Promise<T>; doneAt: number | null } | null = null;
  return (...args: A) => {
    if (last && (last.doneAt === null || clock() - last.doneAt < ttlMs)) return last.value;
    const current: { value: Promise<T>; doneAt: number | null } = { value: load(...args), doneAt: null };
    current.value.then(
      () => {
        current.doneAt = clock();
      },
      () => {
        if (last === current) last = null;
      },
    );
    last = current;
    return current.value;
  };
}
