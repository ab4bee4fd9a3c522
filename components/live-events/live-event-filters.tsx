import { FilterField, FilterInput, FilterToolbar, NativeSelect, PageSizeField, allValues as all, firstValue as one } from "@/components/forms/filter-form";
import type { FilterValues } from "@/components/forms/filter-form";
import type { FilterChipDef } from "@/lib/lists/active-filters";
import { liveEventStates } from "@/lib/live-events/query";
import { stateLabels } from "./state-badge";

export type { FilterValues };

const stateText = (s: string) => (s === "ongoing" ? "On air (ongoing)" : (stateLabels[s] ?? s));
const typeText: Record<string, string> = { video: "Video", audio: "Audio-only" };

const chips: FilterChipDef[] = [
  { key: "state", label: "State", multi: true, text: stateText },
  { key: "title", label: "Title contains" },
  { key: "type", label: "Type", text: (v) => typeText[v] ?? v },
  { key: "createdFrom", label: "Created from" },
  { key: "createdTo", label: "Created to" },
  { key: "startedFrom", label: "Started from" },
  { key: "startedTo", label: "Started to" },
  { key: "minParticipants", label: "Participants at least" },
  { key: "maxParticipants", label: "Participants at most" },
  { key: "ids", label: "Event ids" },
  { key: "creators", label: "Created by" },
];

/** Every filter of the live-events list endpoint as a GET form: the URL is the state, any view is a link. */
export function LiveEventFilters({ values }: { values: FilterValues }) {
  const states = all(values.state);
  const text = (id: string, label: string, props: Omit<React.ComponentProps<typeof FilterInput>, "id" | "label"> = {}) => (
    <FilterInput id={id} label={label} defaultValue={one(values[id])} {...props} />
  );
  return (
    <FilterToolbar
      action="/live-events"
      label="Filter live events"
      values={values}
      chips={chips}
      main={
        <>
          <div className="w-full sm:w-64">{text("title", "Title contains", { type: "search", placeholder: "words in the title" })}</div>
          <div className="w-full sm:w-52">
            <FilterField id="type" label="Type">
              <NativeSelect id="type" name="type" defaultValue={one(values.type)}>
                <option value="">Video and audio-only</option>
                <option value="video">Video</option>
                <option value="audio">Audio-only</option>
              </NativeSelect>
            </FilterField>
          </div>
          <fieldset className="flex min-h-9 flex-wrap items-center gap-x-3 gap-y-1">
            <legend className="sr-only">State</legend>
            {liveEventStates.map((s) => (
              <label key={s} className="flex items-center gap-1.5 text-sm">
                <input type="checkbox" name="state" value={s} defaultChecked={states.includes(s)} className="size-4 accent-primary" />
                {stateText(s)}
              </label>
            ))}
          </fieldset>
        </>
      }
      more={
        <>
          {text("createdFrom", "Created from (UTC)", { type: "date" })}
          {text("createdTo", "Created to (UTC)", { type: "date" })}
          {text("startedFrom", "Started from (UTC)", { type: "date" })}
          {text("startedTo", "Started to (UTC)", { type: "date" })}
          {text("minParticipants", "Participants now, at least", { inputMode: "numeric" })}
          {text("maxParticipants", "Participants now, at most", { inputMode: "numeric" })}
          {text("ids", "Event ids", { placeholder: "comma-separated" })}
          {text("creators", "Created by user ids", { placeholder: "comma-separated" })}
          <PageSizeField value={values.limit} />
        </>
      }
    />
  );
}
