import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { UtcStack } from "@/components/ui/utc-stack";
import { subjectPath } from "@/lib/alerts/message";
import type { AlertRow } from "@/lib/alerts/store";
import { duration, utc } from "@/lib/format";
import { AcknowledgeButton } from "./alert-actions";

/** Where an alert stands, in words that do not lean on colour. */
function State({ alert }: { alert: AlertRow }) {
  if (alert.resolvedAt) return <Badge variant="secondary">Resolved</Badge>;
  if (alert.acknowledgedAt) return <Badge variant="outline">Acknowledged</Badge>;
  return <Badge variant="destructive">Open</Badge>;
}

/** Alerts, open first: what, about what (a link to it), since when, and who acknowledged it. */
export function AlertsTable({ alerts, canAcknowledge, now }: { alerts: AlertRow[]; canAcknowledge: boolean; now: number }) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>State</TableHead>
          <TableHead>Alert</TableHead>
          <TableHead>Opened (UTC)</TableHead>
          <TableHead>Lasted</TableHead>
          <TableHead>
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {alerts.map((a) => {
          const opened = a.openedAt ?? a.since;
          const end = a.resolvedAt?.getTime() ?? now;
          const resolution = typeof a.details.resolution === "string" ? a.details.resolution : null;
          return (
            <TableRow key={a.id}>
              <TableCell className="align-top">
                <State alert={a} />
              </TableCell>
              <TableCell className="max-w-xl align-top whitespace-normal">
                <p className="font-medium">
                  {a.ruleName}
                  {" · "}
                  <Link href={subjectPath(a.subjectType, a.subjectId)} className="underline-offset-4 hover:underline">
                    {a.subjectLabel || a.subjectId}
                  </Link>
                </p>
                <p className="text-sm text-muted-foreground">{a.summary}</p>
                {a.acknowledgedAt && (
                  <p className="text-xs text-muted-foreground">
                    Acknowledged by {a.acknowledgedBy} at {utc(a.acknowledgedAt, "minute")} UTC
                  </p>
                )}
                {a.resolvedAt && resolution && <p className="text-xs text-muted-foreground">{resolution}</p>}
              </TableCell>
              <TableCell className="align-top">
                <UtcStack at={opened} />
              </TableCell>
              <TableCell className="align-top text-sm whitespace-nowrap tabular-nums">
                {duration(end - a.since.getTime())}
                {!a.resolvedAt && " so far"}
              </TableCell>
              <TableCell className="text-right align-top">
                {canAcknowledge && !a.resolvedAt && !a.acknowledgedAt && (
                  <AcknowledgeButton alert={{ id: a.id, ruleName: a.ruleName, subjectLabel: a.subjectLabel }} />
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
