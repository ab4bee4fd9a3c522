import { CopyRecordingButton } from "@/components/live-events/copy-recording-button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { duration, utc } from "@/lib/format";
import type { RecordingDto } from "@/lib/sendbird/dto";

/**
 * Cloud recordings of an event, a call or a room and their status; given `copy` (an event's, with the operate
 * permission), "Copy to S3" for completed ones.
 */
export function RecordingsTable({
  recordings,
  owner,
  copy,
}: {
  recordings: RecordingDto[];
  owner: "event" | "call" | "room";
  copy?: { liveEventId: string } | undefined;
}) {
  if (recordings.length === 0) return <p className="text-sm text-muted-foreground">This {owner} has no cloud recordings.</p>;
  const canCopy = copy !== undefined;
  return (
    <Table aria-label="Cloud recordings">
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
            {copy && (
              <TableCell className="text-right">
                {r.status === "completed" && <CopyRecordingButton liveEventId={copy.liveEventId} recordingId={r.recordingId} />}
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
