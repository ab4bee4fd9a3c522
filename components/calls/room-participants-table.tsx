import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { UserCell } from "@/components/users/user-cell";
import { duration, utc } from "@/lib/format";
import type { RoomParticipantDto } from "@/lib/sendbird/dto";

/** Everyone who entered a room (one row per stay), with when they entered and left and for how long. */
export function RoomParticipantsTable({ participants, now }: { participants: RoomParticipantDto[]; now: number }) {
  if (participants.length === 0) return <p className="text-sm text-muted-foreground">Nobody has entered this room.</p>;
  return (
    <Table aria-label="Room participants">
      <TableHeader>
        <TableRow>
          <TableHead>Participant</TableHead>
          <TableHead>State</TableHead>
          <TableHead>Entered (UTC)</TableHead>
          <TableHead>Exited</TableHead>
          <TableHead className="text-right">Stayed</TableHead>
          <TableHead>Audio / video</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {participants.map((p) => (
          <TableRow key={p.participantId}>
            <TableCell>
              <UserCell userId={p.userId} nickname={p.nickname} />
            </TableCell>
            <TableCell>{p.state}</TableCell>
            <TableCell className="font-mono text-xs">{p.enteredAt !== null ? utc(p.enteredAt) : "—"}</TableCell>
            <TableCell className="font-mono text-xs">{p.exitedAt !== null ? utc(p.exitedAt) : "still in the room"}</TableCell>
            <TableCell className="text-right tabular-nums">
              {p.exitedAt !== null
                ? p.durationSeconds !== null
                  ? duration(p.durationSeconds * 1000)
                  : p.enteredAt !== null
                    ? duration(p.exitedAt - p.enteredAt)
                    : "—"
                : p.enteredAt !== null
                  ? `${duration(now - p.enteredAt)} so far`
                  : "—"}
            </TableCell>
            <TableCell>{p.exitedAt !== null ? "—" : `${p.audioOn ? "audio on" : "muted"} · ${p.videoOn ? "video on" : "video off"}`}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
