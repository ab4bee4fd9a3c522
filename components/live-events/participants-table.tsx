import Link from "next/link";
import { Button } from "@/components/ui/button";
import { StaysTable } from "@/components/users/stays-table";
import { duration } from "@/lib/format";
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
        <StaysTable
          stays={participants}
          stayed={(p) => (p.durationMs === 0 && p.exitedAt === null && p.enteredAt !== null ? `${duration(now - p.enteredAt)} so far` : duration(p.durationMs))}
          stayedHeader="Watched"
          exitedNone="—"
        />
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
