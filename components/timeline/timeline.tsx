import { utc } from "@/lib/format";
import type { TimelineStep } from "@/lib/timeline";

/** The steps of something's life (an event, a call), each with when and by whom; steps not reached say so. */
export function Timeline({ steps }: { steps: TimelineStep[] }) {
  return (
    <ol className="grid gap-3 sm:grid-cols-4" aria-label="Timeline">
      {steps.map((s) => (
        <li key={s.label} data-reached={s.at !== null ? "" : undefined} className="rounded-lg border p-3 data-[reached]:border-primary/40">
          <p className="text-sm font-medium">{s.label}</p>
          <p className="font-mono text-xs">{s.at !== null ? `${utc(s.at)} UTC` : "not yet"}</p>
          {s.at !== null && s.by && (
            <p className="truncate text-xs text-muted-foreground" title={`by ${s.by}`}>
              by {s.by}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
