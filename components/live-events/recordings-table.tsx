import { CopyRecordingButton } from "@/components/live-events/copy-recording-button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { duration, utc } from "@/lib/format";
import type { RecordingDto } from "@/lib/sendbird/dto";

/** The event's cloud recordings and their status; with the operate permission, "Copy to S3" for completed ones. */
export function RecordingsTable({ recordings, liveEventId, canCopy }: { recordings: RecordingDto[]; liveEventId: string; canCopy: boolean }) {
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
          {canCopy && <TableHead className="sr-only">Copy</TableHead>}
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
            {canCopy && <TableCell className="text-right">{r.status === "completed" && <CopyRecordingButton liveEventId={liveEventId} recordingId={r.recordingId} />}</TableCell>}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
