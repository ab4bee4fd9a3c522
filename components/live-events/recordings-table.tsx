import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { duration, utc } from "@/lib/format";
import type { RecordingDto } from "@/lib/sendbird/dto";

/** The event's cloud recordings and their status. */
export function RecordingsTable({ recordings }: { recordings: RecordingDto[] }) {
  if (recordings.length === 0) return <p className="text-sm text-muted-foreground">This event has no cloud recordings.</p>;
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Recording</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>Started (UTC)</TableHead>
          <TableHead>Stopped</TableHead>
          <TableHead className="text-right">Length</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {recordings.map((r) => (
          <TableRow key={r.recordingId}>
            <TableCell className="font-mono text-xs">{r.recordingId}</TableCell>
            <TableCell>{r.status}</TableCell>
            <TableCell className="font-mono text-xs">{r.startedAt !== null ? utc(r.startedAt) : "—"}</TableCell>
            <TableCell className="font-mono text-xs">{r.stoppedAt !== null ? utc(r.stoppedAt) : "—"}</TableCell>
            <TableCell className="text-right">{r.durationMs !== null ? duration(r.durationMs) : "—"}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
