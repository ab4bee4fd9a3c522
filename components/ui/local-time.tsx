"use client";

import { useSyncExternalStore } from "react";

const never = () => () => {};

/** False in the server's render and at hydration, true after: for what only the browser knows (its time zone). */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}

/**
 * A time in the viewer's own zone, beside the UTC the console states everywhere. The server cannot know the
 * zone, so it renders nothing and the browser fills it in after hydration.
 */
export function LocalTime({ ms, prefix = "" }: { ms: number | null; prefix?: string }) {
  const text = useSyncExternalStore(
    never,
    () => (ms === null ? "" : localTime(ms)),
    () => "",
  );
  if (!text) return null;
  return (
    <span className="text-muted-foreground">
      {prefix}
      {text}
    </span>
  );
}

/** `2026-12-03 15:30 (Europe/Paris)`: a time in the browser's zone, named. */
export function localTime(ms: number): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(ms);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")} (${zone})`;
}
