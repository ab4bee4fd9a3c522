import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AuditRow } from "@/lib/audit/store";
import { actionLabel } from "@/lib/audit/labels";
import { linkOf } from "@/lib/audit/targets";
import type { TargetLink } from "@/lib/audit/targets";
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

const targetLabels: Record<string, string> = {
  live_event: "Live event",
  user: "User",
  direct_call: "Call",
  api_token: "API token",
  account: "Account",
  saved_view: "Saved view",
  cloud_recording: "Recording",
  audit: "Audit trail",
};

/** The row's target: its kind, then a link to its page (by name when known, the id beneath) or the id alone. */
function Target({ row, link }: { row: AuditRow; link: TargetLink | undefined }) {
  const kind = targetLabels[row.targetType] ?? row.targetType;
  if (!row.targetId) return <span className="text-muted-foreground">{kind}</span>;
  return (
    <>
      <span className="block text-xs text-muted-foreground">{kind}</span>
      {link ? (
        <Link href={link.href} className="block truncate underline" title={link.title ? `${link.title} (${row.targetId})` : row.targetId}>
          {link.title || row.targetId}
        </Link>
      ) : (
        <span className="block truncate" title={row.targetId}>
          {row.targetId}
        </span>
      )}
      {link?.title && (
        <span className="block truncate font-mono text-xs text-muted-foreground" title={row.targetId}>
          {row.targetId}
        </span>
      )}
    </>
  );
}

/** Audit rows, newest first: when, who, what, on which target (linked, named where known), and how it ended. */
export function AuditTable({ rows, links }: { rows: AuditRow[]; links: Map<string, TargetLink> }) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Time (UTC)</TableHead>
          <TableHead>Actor and address</TableHead>
          <TableHead>Action</TableHead>
          <TableHead>Target</TableHead>
          <TableHead>Outcome</TableHead>
          <TableHead>Details</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.id}>
            <TableCell className="font-mono text-xs">
              <time dateTime={r.at.toISOString()}>
                {utc(r.at).slice(0, 10)}
                <span className="block">{utc(r.at, "clock")}</span>
              </time>
            </TableCell>
            <TableCell className="max-w-52">
              {/* One line, cut short; the whole address on hover, and on focus the link shows it all. */}
              <Link
                href={`/audit?actor=${encodeURIComponent(r.actorEmail)}`}
                title={`${r.actorEmail}: only their rows`}
                className="block truncate hover:underline focus-visible:whitespace-normal focus-visible:[overflow-wrap:anywhere]"
              >
                {r.actorEmail}
              </Link>
              {r.ip && <span className="block font-mono text-xs text-muted-foreground">{r.ip}</span>}
            </TableCell>
            <TableCell>
              <ActionName action={r.action} />
            </TableCell>
            <TableCell className="max-w-60 whitespace-normal">
              <Target row={r} link={linkOf(links, r)} />
            </TableCell>
            <TableCell>
              <Badge variant={outcomeVariant[r.outcome]}>{r.outcome}</Badge>
              {r.sendbirdCode !== null && <span className="ml-1 font-mono text-xs text-muted-foreground">{r.sendbirdCode}</span>}
            </TableCell>
            <TableCell className="min-w-48 max-w-80 text-xs whitespace-normal break-words">
              {r.message && <p>{r.message}</p>}
              {Object.keys(r.details).length > 0 && (
                <p className="text-muted-foreground">
                  {Object.entries(r.details)
                    .map(([k, v]) => `${k}: ${String(v)}`)
                    .join(" · ")}
                </p>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
