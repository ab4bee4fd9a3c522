import { FilterField, FilterInput, FilterToolbar, NativeSelect, PageSizeField, allValues, firstValue } from "@/components/forms/filter-form";
import type { FilterValues } from "@/components/forms/filter-form";
import { endResultText, endResultFilters } from "@/lib/calls/end-results";
import type { FilterChipDef } from "@/lib/lists/active-filters";

const chips: FilterChipDef[] = [
  { key: "endResult", label: "End result", multi: true, text: (v) => endResultText(v).dashboard },
  { key: "user", label: "User" },
  { key: "role", label: "As", text: (v) => (v === "caller" ? "Caller" : v === "callee" ? "Callee" : v) },
  { key: "from", label: "From" },
  { key: "to", label: "To" },
  { key: "scope", label: "Started", text: (v) => (v === "after" ? "at or after" : "at or before"), unless: "before" },
  { key: "at", label: "Time" },
  { key: "minDuration", label: "Shortest (s)" },
  { key: "maxDuration", label: "Longest (s)" },
];

/**
 * The direct-calls filters as a GET form. Sendbird lists every call by end result, one point in time and
 * duration, and one user's calls by end result, role and time range; "More filters" groups the rest that way.
 */
export function CallFilters({ values }: { values: FilterValues }) {
  const results = allValues(values.endResult);
  const text = (id: string, label: string, props: Omit<React.ComponentProps<typeof FilterInput>, "id" | "label"> = {}) => (
    <FilterInput id={id} label={label} defaultValue={firstValue(values[id])} {...props} />
  );
  return (
    <FilterToolbar
      action="/calls"
      label="Filter direct calls"
      values={values}
      chips={chips}
      main={
        <>
          <div className="w-full sm:w-56">{text("user", "User id", { type: "search" })}</div>
          <fieldset className="flex min-h-9 flex-wrap items-center gap-x-3 gap-y-1">
            <legend className="sr-only">End result</legend>
            {endResultFilters.map((r) => (
              <label key={r} className="flex items-center gap-1.5 text-sm" title={endResultText(r).plain}>
                <input type="checkbox" name="endResult" value={r} defaultChecked={results.includes(r)} className="size-4 accent-primary" />
                {endResultText(r).dashboard}
              </label>
            ))}
          </fieldset>
        </>
      }
      more={
        <>
          <p className="col-span-full text-sm font-medium">One user&apos;s calls</p>
          <FilterField id="role" label="As">
            <NativeSelect id="role" name="role" defaultValue={firstValue(values.role)}>
              <option value="">Caller or callee</option>
              <option value="caller">Caller</option>
              <option value="callee">Callee</option>
            </NativeSelect>
          </FilterField>
          {text("from", "From (UTC)", { placeholder: "2026-11-01" })}
          {text("to", "To (UTC)", { placeholder: "2026-11-25" })}
          <p className="col-span-full text-sm font-medium">Every call</p>
          <FilterField id="scope" label="Started">
            <NativeSelect id="scope" name="scope" defaultValue={firstValue(values.scope) || "before"}>
              <option value="before">At or before</option>
              <option value="after">At or after</option>
            </NativeSelect>
          </FilterField>
          {text("at", "Time (UTC)", { placeholder: "2026-11-25T14:30" })}
          {text("minDuration", "Shortest (seconds)", { inputMode: "numeric" })}
          {text("maxDuration", "Longest (seconds)", { inputMode: "numeric" })}
          <PageSizeField value={values.limit} />
        </>
      }
    />
  );
}
