import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { outcomes } from "@/lib/db/enums";

export interface AuditFilterValues {
  actor: string;
  action: string;
  target: string;
  outcome: string;
  from: string;
  to: string;
}

const selectClass =
  "flex h-9 w-full rounded-md border border-input bg-transparent px-3 py-1 text-sm shadow-xs outline-none focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50 dark:bg-input/30";

/** The audit filters as a plain GET form: the URL is the state, so every view is a link. */
export function AuditFilters({ values, actions }: { values: AuditFilterValues; actions: string[] }) {
  return (
    <form method="get" action="/audit" className="grid gap-3 rounded-lg border p-4 sm:grid-cols-2 lg:grid-cols-6" aria-label="Filter the audit trail">
      <div className="space-y-1">
        <Label htmlFor="actor">Actor</Label>
        <Input id="actor" name="actor" defaultValue={values.actor} placeholder="part of an e-mail" maxLength={320} />
      </div>
      <div className="space-y-1">
        <Label htmlFor="action">Action</Label>
        <select id="action" name="action" defaultValue={values.action} className={selectClass}>
          <option value="">Any</option>
          {actions.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <Label htmlFor="target">Target</Label>
        <Input id="target" name="target" defaultValue={values.target} placeholder="part of an id or e-mail" maxLength={200} />
      </div>
      <div className="space-y-1">
        <Label htmlFor="outcome">Outcome</Label>
        <select id="outcome" name="outcome" defaultValue={values.outcome} className={selectClass}>
          <option value="">Any</option>
          {outcomes.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <Label htmlFor="from">From (UTC)</Label>
        <Input id="from" name="from" type="datetime-local" defaultValue={values.from} />
      </div>
      <div className="space-y-1">
        <Label htmlFor="to">To (UTC)</Label>
        <Input id="to" name="to" type="datetime-local" defaultValue={values.to} />
      </div>
      <div className="flex gap-2 sm:col-span-2 lg:col-span-6">
        <Button type="submit">Apply filters</Button>
        <Button variant="ghost" asChild>
          <Link href="/audit">Clear</Link>
        </Button>
      </div>
    </form>
  );
}
