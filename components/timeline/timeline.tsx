import { utc } from "@/lib/format";
import type { TimelineStep } from "@/lib/timeline";

/** The steps of something's life (an event, a call), each with when and by whom; steps not reached say so. */
export function Timeline({ steps }: { steps: TimelineStep[] }) {
  return (
    <ol className="grid grid-cols-1 gap-3 sm:grid-cols-4" aria-label="Timeline">
      {steps.map((s) => (
        <li key={s.label} data-reached={s.at !== null ? "" : undefined} className="min-w-0 rounded-lg border p-3 data-[reached]:border-primary/40">
          <p className="text-sm font-medium">{s.label}</p>
          <p className="font-mono text-xs">{s.at !== null ? `${utc(s.at)} UTC` : "not yet"}</p>
          {s.at !== null && s.by && (
            // Ids can be long and unbroken: they wrap anywhere rather than push a phone's page sideways.
            <p className="text-xs [overflow-wrap:anywhere] text-muted-foreground">by {s.by}</p>
          )}
        </li>
      ))}
    </ol>
  );
}
