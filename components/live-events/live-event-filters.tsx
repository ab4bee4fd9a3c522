import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { liveEventStates, pageSizes } from "@/lib/live-events/query";
import { stateLabels } from "./state-badge";

export type FilterValues = Record<string, string | string[] | undefined>;

const selectClass =
  "flex h-9 w-full rounded-md border border-input bg-transparent px-3 py-1 text-sm shadow-xs outline-none focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50 dark:bg-input/30";

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? ""));
const all = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? v.split(",") : []);

function TextFilter({ name, label, values, ...props }: { name: string; label: string; values: FilterValues } & React.ComponentProps<typeof Input>) {
  return (
    <div className="space-y-1">
      <Label htmlFor={`f-${name}`}>{label}</Label>
      <Input id={`f-${name}`} name={name} defaultValue={one(values[name])} {...props} />
    </div>
  );
}

/** Every filter of the live-events list endpoint as a GET form: the URL is the state, any view is a link. */
export function LiveEventFilters({ values }: { values: FilterValues }) {
  const states = all(values.state);
  return (
    <form method="get" action="/live-events" className="space-y-3 rounded-lg border p-4" aria-label="Filter live events">
      <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <legend className="mb-1 text-sm font-medium">State</legend>
        {liveEventStates.map((s) => (
          <label key={s} className="flex items-center gap-1.5 text-sm">
            <input type="checkbox" name="state" value={s} defaultChecked={states.includes(s)} className="size-4 accent-primary" />
            {s === "ongoing" ? "On air (ongoing)" : stateLabels[s]}
          </label>
        ))}
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <div className="space-y-1">
          <Label htmlFor="f-type">Type</Label>
          <select id="f-type" name="type" defaultValue={one(values.type)} className={selectClass}>
            <option value="">Video and audio-only</option>
            <option value="video">Video</option>
            <option value="audio">Audio-only</option>
          </select>
        </div>
        <TextFilter name="createdFrom" label="Created from (UTC)" type="date" values={values} />
        <TextFilter name="createdTo" label="Created to (UTC)" type="date" values={values} />
        <TextFilter name="startedFrom" label="Started from (UTC)" type="date" values={values} />
        <TextFilter name="startedTo" label="Started to (UTC)" type="date" values={values} />
        <TextFilter name="minParticipants" label="Participants now, at least" inputMode="numeric" values={values} />
        <TextFilter name="maxParticipants" label="Participants now, at most" inputMode="numeric" values={values} />
        <div className="space-y-1">
          <Label htmlFor="f-limit">Per page</Label>
          <select id="f-limit" name="limit" defaultValue={one(values.limit) || "20"} className={selectClass}>
            {pageSizes.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
        <TextFilter name="ids" label="Event ids" placeholder="comma-separated" values={values} />
        <TextFilter name="creators" label="Created by user ids" placeholder="comma-separated" values={values} />
      </div>
      <div className="flex gap-2">
        <Button type="submit">Apply filters</Button>
        <Button variant="ghost" asChild>
          <Link href="/live-events">Clear</Link>
        </Button>
      </div>
    </form>
  );
}
