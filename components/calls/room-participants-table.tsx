import { StaysTable } from "@/components/users/stays-table";
import { duration } from "@/lib/format";
import type { RoomParticipantDto } from "@/lib/sendbird/dto";

function stayed(p: RoomParticipantDto, now: number): string {
  if (p.exitedAt === null) return p.enteredAt !== null ? `${duration(now - p.enteredAt)} so far` : "—";
  if (p.durationSeconds !== null) return duration(p.durationSeconds * 1000);
  return p.enteredAt !== null ? duration(p.exitedAt - p.enteredAt) : "—";
}

/** Everyone who entered a room (one row per stay), with when they entered and left and for how long. */
export function RoomParticipantsTable({ participants, now }: { participants: RoomParticipantDto[]; now: number }) {
  if (participants.length === 0) return <p className="text-sm text-muted-foreground">Nobody has entered this room.</p>;
  return (
    <StaysTable
      label="Room participants"
      stays={participants}
      stayed={(p) => stayed(p, now)}
      stayedHeader="Stayed"
      exitedNone="still in the room"
      extra={{
        header: "Audio / video",
        cell: (p) => (p.exitedAt !== null ? "—" : `${p.audioOn ? "audio on" : "muted"} · ${p.videoOn ? "video on" : "video off"}`),
      }}
    />
  );
}
