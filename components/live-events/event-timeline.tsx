import { utc } from "@/lib/format";
import type { TimelineStep } from "@/lib/live-events/detail";

/** Created → ready → started → ended, each with when and by whom; steps not reached are shown as such. */
export function EventTimeline({ steps }: { steps: TimelineStep[] }) {
  return (
    <ol className="grid gap-3 sm:grid-cols-4" aria-label="Timeline">
      {steps.map((s) => (
        <li key={s.label} data-reached={s.at !== null ? "" : undefined} className="rounded-lg border p-3 data-[reached]:border-primary/40">
          <p className="text-sm font-medium">{s.label}</p>
          <p className="font-mono text-xs">{s.at !== null ? `${utc(s.at)} UTC` : "not yet"}</p>
          {s.at !== null && <p className="truncate text-xs text-muted-foreground" title={`by ${s.by || "the API"}`}>
              by {s.by || "the API"}
            </p>}
        </li>
      ))}
    </ol>
  );
}
