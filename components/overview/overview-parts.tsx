import type * as React from "react";
import { ErrorState } from "@/components/errors/error-state";
import { RetryButton } from "@/components/errors/retry-button";
import { Skeleton } from "@/components/ui/skeleton";
import { settings } from "@/lib/env";
import { explain } from "@/lib/errors";
import { utc } from "@/lib/format";

/** Where the numbers come from, as overview pages state it. */
export const source = () => (settings().mode === "emulator" ? "the emulator" : "Sendbird");

/** Where a section's numbers came from and when they were fetched, with a note (how long they are reused). */
export function Fetched({ at, note }: { at: number; note?: string }) {
  return (
    <p data-slot="fetched" className="text-xs text-muted-foreground">
      From {source()} · fetched <time dateTime={new Date(at).toISOString()}>{utc(at, "clock")} UTC</time>
      {note ? ` · ${note}` : ""}
    </p>
  );
}

/** A section of an overview page: an h2 with a sentence under it, then its content. */
export function OverviewSection({ id, title, description, children }: { id: string; title: string; description: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <div>
        <h2 id={id} className="text-lg font-semibold tracking-tight">
          {title}
        </h2>
        <p className="text-sm text-muted-foreground">{description}</p>
      </div>
      {children}
    </section>
  );
}

/** A section's placeholder while its data streams in, announced to screen readers. */
export function Loading({ what, className }: { what: string; className: string }) {
  return (
    <div aria-busy="true" aria-live="polite">
      <span className="sr-only">Loading {what}…</span>
      <Skeleton className={className} />
    </div>
  );
}

/** Reads a section's data, or renders the failure in plain words with a retry, so one failed read leaves the other sections alone. */
export async function read<T>(load: () => Promise<T>): Promise<{ ok: true; data: T } | { ok: false; error: React.ReactNode }> {
  try {
    return { ok: true, data: await load() };
  } catch (err) {
    return { ok: false, error: <ErrorState explanation={explain(err)} action={<RetryButton />} /> };
  }
}

/** `2026-11-20` as `Nov 20`, for chart axes. */
export const shortDay = (d: string) => new Date(`${d}T00:00:00Z`).toLocaleDateString("en", { month: "short", day: "numeric", timeZone: "UTC" });
