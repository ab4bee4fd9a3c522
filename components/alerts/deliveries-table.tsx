import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { UtcStack } from "@/components/ui/utc-stack";
import type { DeliveryRow } from "@/lib/alerts/deliveries";
import { utc } from "@/lib/format";

const eventLabel: Record<string, string> = { opened: "Opened", reminder: "Reminder", resolved: "Resolved", test: "Test" };

/** How a delivery stands, in words. */
function Outcome({ d }: { d: DeliveryRow }) {
  if (d.status === "delivered") return <Badge variant="secondary">Delivered</Badge>;
  if (d.status === "failed") return <Badge variant="destructive">Failed</Badge>;
  return <Badge variant="outline">{d.attempts === 0 ? "Sending" : "Retrying"}</Badge>;
}

/** The delivery log: each message to each channel, how many tries it took, and what the receiver answered. */
export function DeliveriesTable({ deliveries }: { deliveries: DeliveryRow[] }) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Queued (UTC)</TableHead>
          <TableHead>Channel</TableHead>
          <TableHead>Message</TableHead>
          <TableHead>Outcome</TableHead>
          <TableHead>Last answer</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {deliveries.map((d) => (
          <TableRow key={d.id}>
            <TableCell className="align-top">
              <UtcStack at={d.createdAt} seconds />
            </TableCell>
            <TableCell className="align-top">{d.channelName}</TableCell>
            <TableCell className="max-w-md align-top whitespace-normal">
              <p className="text-xs text-muted-foreground">{eventLabel[d.event] ?? d.event}</p>
              <p className="text-sm">{d.payload.title}</p>
            </TableCell>
            <TableCell className="align-top">
              <Outcome d={d} />
              <p className="text-xs text-muted-foreground">
                {d.attempts} {d.attempts === 1 ? "try" : "tries"}
                {d.status === "pending" && d.attempts > 0 && `, next at ${utc(d.nextAttemptAt, "clock")}`}
              </p>
            </TableCell>
            <TableCell className="max-w-sm align-top text-xs whitespace-normal">
              {d.lastStatus !== null && <span className="font-mono">HTTP {d.lastStatus}. </span>}
              {d.lastError ?? (d.status === "delivered" ? "Accepted." : "")}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
