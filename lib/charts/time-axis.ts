import { utc } from "@/lib/format";

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;
const steps = [1, 2, 5, 10, 15, 30]
  .map((n) => n * second)
  .concat(
    [1, 2, 5, 10, 15, 30].map((n) => n * minute),
    [1, 2, 3, 6, 12].map((n) => n * hour),
    [1, 2, 7, 14].map((n) => n * day),
  );

/** A tick of a time axis: its time (epoch ms) and its UTC label. */
export interface TimeTick {
  at: number;
  label: string;
}

/**
 * Ticks on round UTC boundaries between `from` and `to` (epoch time is aligned to UTC midnight), at most
 * about `most`: `14:30` within a day, `11-25 14:30` across days, `11-25` once a step is a day or more,
 * with seconds when a step is under a minute.
 */
export function utcTicks(from: number, to: number, most = 6): TimeTick[] {
  const span = to - from;
  if (!(span > 0)) return [];
  const step = steps.find((s) => span / s <= most) ?? Math.ceil(span / most / day) * day;
  const manyDays = utc(from).slice(0, 10) !== utc(to).slice(0, 10);
  const label = (t: number) => {
    const full = utc(t);
    if (step >= day) return full.slice(5, 10);
    const clock = step < minute ? full.slice(11, 19) : full.slice(11, 16);
    return manyDays ? `${full.slice(5, 10)} ${clock}` : clock;
  };
  const ticks: TimeTick[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) ticks.push({ at: t, label: label(t) });
  return ticks;
}
