import { utc } from "@/lib/format";

/** A UTC time in a narrow column: the date over the clock (to the minute), the whole time on hover. */
export function UtcStack({ at }: { at: number | Date }) {
  const full = utc(at, "minute");
  return (
    <time dateTime={new Date(at).toISOString()} title={`${utc(at)} UTC`} className="font-mono text-xs whitespace-nowrap">
      {full.slice(0, 10)}
      <span className="block">{full.slice(11)}</span>
    </time>
  );
}
