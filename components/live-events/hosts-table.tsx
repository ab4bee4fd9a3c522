import { Badge } from "@/components/ui/badge";
import { UserCell } from "@/components/users/user-cell";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { duration, utc } from "@/lib/format";
import { hostDropMs, hostStint } from "@/lib/live-events/detail";
import type { HostDto } from "@/lib/sendbird/dto";

const at = (ms: number | null) => (ms === null ? "—" : utc(ms, "clock"));

/**
 * The event's hosts with their times in order (entered, connection, exited) and how long they streamed; a
 * reconnect reads as one step, and a drop over a minute on air is flagged.
 */
export function HostsTable({ hosts, eventState, now, label = "Hosts" }: { hosts: HostDto[]; eventState: string; now: number; label?: string }) {
  if (hosts.length === 0) return <p className="text-sm text-muted-foreground">No host is in the event right now.</p>;
  return (
    <Table aria-label={label}>
      <TableHeader>
        <TableRow>
          <TableHead>Host</TableHead>
          <TableHead>State</TableHead>
          <TableHead>Entered</TableHead>
          <TableHead>Connection (UTC)</TableHead>
          <TableHead>Exited</TableHead>
          <TableHead className="text-right">Streamed</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {hosts.map((h) => {
          const drop = hostDropMs(h, eventState, now);
          const stint = hostStint(h, eventState, now);
          return (
            <TableRow key={h.hostId}>
              <TableCell>
                <UserCell userId={h.userId} nickname={h.nickname} />
              </TableCell>
              <TableCell>
                {h.state}
                {drop !== null && (
                  <Badge variant="destructive" className="ml-2">
                    Dropped {duration(drop)} ago
                  </Badge>
                )}
              </TableCell>
              <TableCell className="font-mono text-xs">{at(h.enteredAt)}</TableCell>
              <TableCell className="font-mono text-xs">{stint.connection}</TableCell>
              <TableCell className="font-mono text-xs">{at(h.exitedAt)}</TableCell>
              <TableCell className="text-right">
                {stint.streamedMs === null ? "—" : `${duration(stint.streamedMs)}${stint.streamedFrom === "so-far" ? " so far" : ""}`}
                {stint.streamedFrom === "times" && <span className="block text-xs text-muted-foreground">from the times shown</span>}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
