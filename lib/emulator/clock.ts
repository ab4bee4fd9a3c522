/** Time as the emulator sees it: real time (plus an offset) or frozen until advanced. */
export interface Clock {
  now(): number;
  /** Moves emulator time forward; never backwards. */
  advance(ms: number): void;
  readonly frozen: boolean;
}

export interface ClockOptions {
  /** Freeze time at this Unix-ms instant; it then moves only through `advance`. */
  frozenAt?: number;
}

export function createClock(options: ClockOptions = {}): Clock {
  let offset = 0;
  const frozenAt = options.frozenAt;
  return {
    frozen: frozenAt !== undefined,
    now: () => (frozenAt ?? Date.now()) + offset,
    advance(ms: number) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError("advance takes a non-negative number of milliseconds");
      offset += Math.floor(ms);
    },
  };
}
