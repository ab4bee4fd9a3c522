import { PresenceLanes } from "@/components/charts/presence-lanes";
import { roomLanes } from "@/lib/calls/presence";
import type { RoomDto, RoomParticipantDto } from "@/lib/sendbird/dto";

/**
 * Who was in the room over its life, one lane per person from the stays the page read. `partial`: the
 * stays are one page of several, so the lanes say so. Nothing when nobody has a stay to draw.
 */
export function RoomPresence({
  room,
  stays,
  now,
  partial,
}: {
  room: Pick<RoomDto, "createdAt" | "deletedAt">;
  stays: Pick<RoomParticipantDto, "userId" | "nickname" | "enteredAt" | "exitedAt">[];
  now: number;
  partial: boolean;
}) {
  const built = roomLanes(room, stays, now);
  if (!built) return null;
  return (
    <PresenceLanes
      title="Who was in the room"
      lanes={built.lanes}
      from={built.from}
      to={built.to}
      laneHeader="Participant"
      noun="people"
      labels={{ connected: "In the room", disconnected: "Out between stays", absent: "Not in the room" }}
      note={`From the room's creation to ${room.deletedAt === null ? "now" : "its deletion"}; a stay still open runs to the end.${partial ? " Only the stays on this page of participants are drawn." : ""}`}
    />
  );
}
