/**
 * A UTC time as the console shows it: `2026-11-25 14:30:05` (second), `2026-11-25 14:30` (minute), or
 * `14:30:05` (clock). The console states UTC beside it rather than guessing the viewer's zone on the server.
 */
export function utc(time: Date | number, precision: "second" | "minute" | "clock" = "second"): string {
  const iso = new Date(time).toISOString();
  if (precision === "clock") return iso.slice(11, 19);
  return iso.replace("T", " ").slice(0, precision === "minute" ? 16 : 19);
}

/**
 * A UTC time typed into a URL or form: `2026-11-25`, `2026-11-25T14:30`, or a full ISO timestamp (as the
 * console itself writes them). Null for anything else, including dates that do not exist (`2026-02-30`).
 */
export function parseUtcInput(value: string): { ms: number; wholeDay: boolean } | null {
  const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?Z?)?$/.exec(value);
  if (!match) return null;
  const [, day, minute, second, fraction] = match;
  const ms = Date.parse(`${day}T${minute ?? "00:00"}:${second ?? "00"}.${(fraction ?? "0").padEnd(3, "0")}Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day) return null;
  return { ms, wholeDay: minute === undefined };
}

/** A duration in words a person reads at a glance: `45 s`, `12 min`, `1 h 05 min`. */
export function duration(ms: number): string {
  if (ms <= 0) return "—";
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, "0")} min`;
}
