import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AuditRow } from "@/lib/audit/store";
import { actionLabel } from "@/lib/audit/labels";
import { utc } from "@/lib/format";

const outcomeVariant = { success: "success", failure: "destructive", unknown: "warning", denied: "warning" } as const;

/** The action in plain words over its name (what the filter takes), or the name alone when it has no label. */
function ActionName({ action }: { action: string }) {
  const label = actionLabel(action);
  if (label === null) return <span className="font-mono text-xs">{action}</span>;
  return (
    <>
      {label}
      <span className="block font-mono text-xs text-muted-foreground">{action}</span>
    </>
  );
}

/** Audit rows, newest first: when, who, what, on which target, and how it ended. */
export function AuditTable({ rows }: { rows: AuditRow[] }) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Time (UTC)</TableHead>
          <TableHead>Actor</TableHead>
          <TableHead>Action</TableHead>
          <TableHead>Target</TableHead>
          <TableHead>Outcome</TableHead>
          <TableHead>Details</TableHead>
          <TableHead>IP</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.id}>
            <TableCell className="font-mono text-xs whitespace-nowrap">{utc(r.at)}</TableCell>
            <TableCell className="max-w-48 truncate" title={r.actorEmail}>
              {r.actorEmail}
            </TableCell>
            <TableCell>
              <ActionName action={r.action} />
            </TableCell>
            <TableCell className="max-w-56 truncate" title={`${r.targetType} ${r.targetId}`}>
              {r.targetType && <span className="text-muted-foreground">{r.targetType} </span>}
              {r.targetId}
            </TableCell>
            <TableCell>
              <Badge variant={outcomeVariant[r.outcome]}>{r.outcome}</Badge>
              {r.sendbirdCode !== null && <span className="ml-1 font-mono text-xs text-muted-foreground">{r.sendbirdCode}</span>}
            </TableCell>
            <TableCell className="max-w-80 text-xs">
              {r.message && <p>{r.message}</p>}
              {Object.keys(r.details).length > 0 && (
                <p className="text-muted-foreground">
                  {Object.entries(r.details)
                    .map(([k, v]) => `${k}: ${String(v)}`)
                    .join(" · ")}
                </p>
              )}
            </TableCell>
            <TableCell className="font-mono text-xs">{r.ip}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
