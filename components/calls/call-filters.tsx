import { FilterActions, FilterField, FilterInput, NativeSelect, PageSizeField, allValues, firstValue } from "@/components/forms/filter-form";
import type { FilterValues } from "@/components/forms/filter-form";
import { endResultText, endResultFilters } from "@/lib/calls/end-results";

/**
 * The direct-calls filters as a GET form. Sendbird lists every call by end result, one point in time and
 * duration, and one user's calls by end result, role and time range; the form groups them that way.
 */
export function CallFilters({ values }: { values: FilterValues }) {
  const results = allValues(values.endResult);
  const text = (id: string, label: string, props: Omit<React.ComponentProps<typeof FilterInput>, "id" | "label"> = {}) => (
    <FilterInput id={id} label={label} defaultValue={firstValue(values[id])} {...props} />
  );
  return (
    <form method="get" action="/calls" className="space-y-4 rounded-lg border p-4" aria-label="Filter direct calls">
      <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <legend className="mb-1 text-sm font-medium">End result</legend>
        {endResultFilters.map((r) => (
          <label key={r} className="flex items-center gap-1.5 text-sm" title={endResultText(r).plain}>
            <input type="checkbox" name="endResult" value={r} defaultChecked={results.includes(r)} className="size-4 accent-primary" />
            {endResultText(r).dashboard}
          </label>
        ))}
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Every call</legend>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <FilterField id="scope" label="Started">
            <NativeSelect id="scope" name="scope" defaultValue={firstValue(values.scope) || "before"}>
              <option value="before">At or before</option>
              <option value="after">At or after</option>
            </NativeSelect>
          </FilterField>
          {text("at", "Time (UTC)", { placeholder: "2026-11-25T14:30" })}
          {text("minDuration", "Shortest (seconds)", { inputMode: "numeric" })}
          {text("maxDuration", "Longest (seconds)", { inputMode: "numeric" })}
        </div>
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">One user&apos;s calls</legend>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {text("user", "User id")}
          <FilterField id="role" label="As">
            <NativeSelect id="role" name="role" defaultValue={firstValue(values.role)}>
              <option value="">Caller or callee</option>
              <option value="caller">Caller</option>
              <option value="callee">Callee</option>
            </NativeSelect>
          </FilterField>
          {text("from", "From (UTC)", { placeholder: "2026-11-01" })}
          {text("to", "To (UTC)", { placeholder: "2026-11-25" })}
        </div>
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <PageSizeField value={values.limit} />
      </div>
      <FilterActions clearHref="/calls" />
    </form>
  );
}
