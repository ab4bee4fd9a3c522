import { FilterField, FilterInput, FilterToolbar, NativeSelect } from "@/components/forms/filter-form";
import { outcomes } from "@/lib/audit/outcomes";
import type { FilterChipDef } from "@/lib/lists/active-filters";

export interface AuditFilterValues {
  actor: string;
  action: string;
  target: string;
  outcome: string;
  from: string;
  to: string;
}

const chips: FilterChipDef[] = [
  { key: "actor", label: "Actor" },
  { key: "action", label: "Action" },
  { key: "target", label: "Target" },
  { key: "outcome", label: "Outcome" },
  { key: "from", label: "From" },
  { key: "to", label: "To" },
];

/** The audit filters as a plain GET form: the URL is the state, so every view is a link. */
export function AuditFilters({ values, actions }: { values: AuditFilterValues; actions: string[] }) {
  return (
    <FilterToolbar
      action="/audit"
      label="Filter the audit trail"
      values={{ ...values }}
      chips={chips}
      main={
        <>
          <div className="w-full sm:w-56">
            <FilterInput id="actor" label="Actor" type="search" defaultValue={values.actor} placeholder="part of an e-mail" maxLength={320} />
          </div>
          <div className="w-full sm:w-56">
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
          </div>
          <div className="w-full sm:w-36">
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
          </div>
        </>
      }
      more={
        <>
          <FilterInput id="target" label="Target" defaultValue={values.target} placeholder="part of an id or e-mail" maxLength={200} />
          <FilterInput id="from" label="From (UTC)" type="datetime-local" defaultValue={values.from} />
          <FilterInput id="to" label="To (UTC)" type="datetime-local" defaultValue={values.to} />
        </>
      }
    />
  );
}
