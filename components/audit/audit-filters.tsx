import { FilterActions, FilterField, FilterInput, NativeSelect } from "@/components/forms/filter-form";
import { outcomes } from "@/lib/audit/outcomes";

export interface AuditFilterValues {
  actor: string;
  action: string;
  target: string;
  outcome: string;
  from: string;
  to: string;
}

/** The audit filters as a plain GET form: the URL is the state, so every view is a link. */
export function AuditFilters({ values, actions }: { values: AuditFilterValues; actions: string[] }) {
  return (
    <form method="get" action="/audit" className="grid gap-3 rounded-lg border p-4 sm:grid-cols-2 lg:grid-cols-6" aria-label="Filter the audit trail">
      <FilterInput id="actor" label="Actor" defaultValue={values.actor} placeholder="part of an e-mail" maxLength={320} />
      <FilterField id="action" label="Action">
        <NativeSelect id="action" name="action" defaultValue={values.action}>
          <option value="">Any</option>
          {actions.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </NativeSelect>
      </FilterField>
      <FilterInput id="target" label="Target" defaultValue={values.target} placeholder="part of an id or e-mail" maxLength={200} />
      <FilterField id="outcome" label="Outcome">
        <NativeSelect id="outcome" name="outcome" defaultValue={values.outcome}>
          <option value="">Any</option>
          {outcomes.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </NativeSelect>
      </FilterField>
      <FilterInput id="from" label="From (UTC)" type="datetime-local" defaultValue={values.from} />
      <FilterInput id="to" label="To (UTC)" type="datetime-local" defaultValue={values.to} />
      <div className="sm:col-span-2 lg:col-span-6">
        <FilterActions clearHref="/audit" />
      </div>
    </form>
  );
}
