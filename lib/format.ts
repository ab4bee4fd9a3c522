/**
 * A UTC time as the console shows it: `2026-11-25 14:30:05` (second), `2026-11-25 14:30` (minute), or
 * `14:30:05` (clock). The console states UTC beside it rather than guessing the viewer's zone on the server.
 */
export function utc(time: Date | number, precision: "second" | "minute" | "clock" = "second"): string {
  const iso = new Date(time).toISOString();
  if (precision === "clock") return iso.slice(11, 19);
  return iso.replace("T", " ").slice(0, precision === "minute" ? 16 : 19);
}
