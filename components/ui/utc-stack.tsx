import { utc } from "@/lib/format";

/** A UTC time in a narrow column: the date over the clock (to the minute, or the second), the whole time on hover. */
export function UtcStack({ at, seconds = false }: { at: number | Date; seconds?: boolean }) {
  const full = seconds ? utc(at) : utc(at, "minute");
  return (
    <time dateTime={new Date(at).toISOString()} title={`${utc(at)} UTC`} className="font-mono text-xs whitespace-nowrap">
      {full.slice(0, 10)}
      <span className="block">{full.slice(11)}</span>
    </time>
  );
}
