import Link from "next/link";
import { Button } from "@/components/ui/button";
import { UserCell } from "@/components/users/user-cell";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { duration, utc } from "@/lib/format";
import type { ParticipantDto } from "@/lib/sendbird/dto";

/** One page of the event's participants, with Sendbird's page tokens as links. */
export function ParticipantsTable({
  participants,
  next,
  firstHref,
  nextHref,
  now,
}: {
  participants: ParticipantDto[];
  next: string | null;
  firstHref: string | null;
  nextHref: string | null;
  now: number;
}) {
  return (
    <div className="space-y-2">
      {participants.length === 0 ? (
        <p className="text-sm text-muted-foreground">Nobody has joined this event.</p>
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Participant</TableHead>
              <TableHead>State</TableHead>
              <TableHead>Entered (UTC)</TableHead>
              <TableHead>Exited</TableHead>
              <TableHead className="text-right">Watched</TableHead>
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
                <TableCell className="font-mono text-xs">{p.exitedAt !== null ? utc(p.exitedAt) : "—"}</TableCell>
                <TableCell className="text-right">
                  {p.durationMs === 0 && p.exitedAt === null && p.enteredAt !== null ? `${duration(now - p.enteredAt)} so far` : duration(p.durationMs)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <nav aria-label="Participant pages" className="flex justify-end gap-2">
        {firstHref && (
          <Button variant="outline" size="sm" asChild>
            <Link href={firstHref}>First participants</Link>
          </Button>
        )}
        {next && nextHref && (
          <Button variant="outline" size="sm" asChild>
            <Link href={nextHref}>More participants</Link>
          </Button>
        )}
      </nav>
    </div>
  );
}
