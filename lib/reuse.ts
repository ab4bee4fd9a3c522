// Reads that one process shares between callers: the overviews, health probes, the on-air board and the
// live-events list's refresh. Kept on globalThis, since Next loads a module once per bundle and a page
// and the route handler beside it must share one read. No secrets, no I/O of its own.

interface Shared {
  value: Promise<unknown>;
  startedAt: number;
  /** When the read finished; null while it is under way. */
  doneAt: number | null;
}

const entries = ((globalThis as typeof globalThis & { showrunnerSharedReads?: Map<string, Shared> }).showrunnerSharedReads ??= new Map());

/** Most answers kept at once; the oldest go first (a list's refresh keys by its filters). */
const maxEntries = 200;

export interface ReuseOptions {
  /** How long an answer serves later callers. */
  maxAgeMs: number;
  /**
   * "window": the answer serves until the clock enters the next `maxAgeMs` window (windows counted from the
   * epoch), so however many callers ask, there is at most one read per window, and one caller asking once a
   * window still reads every time. "finish": from when the read finished (an answer that took minutes still
   * serves for the whole lifetime).
   */
  from: "window" | "finish";
  clock?: () => number;
}

/**
 * The answer of `load` under `key`, shared by every caller in this process while it is young enough;
 * callers while a read is under way share that read, however long it takes, so one read never runs twice at
 * once. A failed read is not kept, so the next caller asks again.
 */
export function reuse<T>(key: string, load: () => Promise<T>, { maxAgeMs, from, clock = Date.now }: ReuseOptions): Promise<T> {
  const now = clock();
  const last = entries.get(key);
  const young = (e: Shared) =>
    e.doneAt === null || (from === "window" ? Math.floor(now / maxAgeMs) === Math.floor(e.startedAt / maxAgeMs) : now - e.doneAt < maxAgeMs);
  if (last && young(last)) return last.value as Promise<T>;
  const current: Shared = { value: load(), startedAt: now, doneAt: null };
  current.value.then(
    () => {
      current.doneAt = clock();
    },
    () => {
      if (entries.get(key) === current) entries.delete(key);
    },
  );
  entries.delete(key);
  entries.set(key, current);
  if (entries.size > maxEntries) {
    for (const [k, e] of entries) {
      if (entries.size <= maxEntries) break;
      if (e.doneAt !== null) entries.delete(k);
    }
  }
  return current.value as Promise<T>;
}

/**
 * `load` shared for `ttlMs` from when each read finished, under `name` (unique per use): the overviews and
 * the health probes, whose arguments are the process's one Sendbird client and database.
 */
export function reuseFor<A extends unknown[], T>(
  name: string,
  ttlMs: number,
  load: (...args: A) => Promise<T>,
  clock: () => number = Date.now,
): (...args: A) => Promise<T> {
  return (...args: A) => reuse(name, () => load(...args), { maxAgeMs: ttlMs, from: "finish", clock });
}
