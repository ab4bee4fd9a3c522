import { FilterActions, FilterField, FilterInput, NativeSelect, PageSizeField, allValues as all, firstValue as one } from "@/components/forms/filter-form";
import type { FilterValues } from "@/components/forms/filter-form";
import { liveEventStates } from "@/lib/live-events/query";
import { stateLabels } from "./state-badge";

export type { FilterValues };

/** Every filter of the live-events list endpoint as a GET form: the URL is the state, any view is a link. */
export function LiveEventFilters({ values }: { values: FilterValues }) {
  const states = all(values.state);
  const text = (id: string, label: string, props: Omit<React.ComponentProps<typeof FilterInput>, "id" | "label"> = {}) => (
    <FilterInput id={id} label={label} defaultValue={one(values[id])} {...props} />
  );
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
        {text("title", "Title contains", { type: "search", placeholder: "words in the title" })}
        <FilterField id="type" label="Type">
          <NativeSelect id="type" name="type" defaultValue={one(values.type)}>
            <option value="">Video and audio-only</option>
            <option value="video">Video</option>
            <option value="audio">Audio-only</option>
          </NativeSelect>
        </FilterField>
        {text("createdFrom", "Created from (UTC)", { type: "date" })}
        {text("createdTo", "Created to (UTC)", { type: "date" })}
        {text("startedFrom", "Started from (UTC)", { type: "date" })}
        {text("startedTo", "Started to (UTC)", { type: "date" })}
        {text("minParticipants", "Participants now, at least", { inputMode: "numeric" })}
        {text("maxParticipants", "Participants now, at most", { inputMode: "numeric" })}
        <PageSizeField value={values.limit} />
        {text("ids", "Event ids", { placeholder: "comma-separated" })}
        {text("creators", "Created by user ids", { placeholder: "comma-separated" })}
      </div>
      <FilterActions clearHref="/live-events" />
    </form>
  );
}
