import { StaysTable } from "@/components/users/stays-table";
import { stayText } from "@/lib/calls/rooms-query";
import type { RoomParticipantDto } from "@/lib/sendbird/dto";

/**
 * Everyone who entered a room (one row per stay), with when they entered and left and for how long; a stay
 * still open after `staleStayMs` is flagged as probably stale.
 */
export function RoomParticipantsTable({ participants, now }: { participants: RoomParticipantDto[]; now: number }) {
  if (participants.length === 0) return <p className="text-sm text-muted-foreground">Nobody has entered this room.</p>;
  return (
    <StaysTable
      label="Room participants"
      stays={participants}
      stayed={(p) => stayText(p, now)}
      stayedHeader="Stayed"
      exitedNone="still in the room"
      extra={{
        header: "Audio / video",
        cell: (p) => (p.exitedAt !== null ? "—" : `${p.audioOn ? "audio on" : "muted"} · ${p.videoOn ? "video on" : "video off"}`),
      }}
    />
  );
}
