import type { PresenceLane, PresenceSpan } from "@/lib/charts/presence";
import { isPathSegment, userPath } from "@/lib/paths";
import type { RoomDto, RoomParticipantDto } from "@/lib/sendbird/dto";

type StayTimes = Pick<RoomParticipantDto, "userId" | "nickname" | "enteredAt" | "exitedAt">;

/**
 * One lane per person over the room's life (its creation to its deletion, or `now`), the first in at the
 * top: each stay in the room is a connected stretch, and the time between two stays of one person a
 * disconnected one. A stay still open runs to the window's end. Null when nobody has a stay to draw.
 */
export function roomLanes(
  room: Pick<RoomDto, "createdAt" | "deletedAt">,
  stays: StayTimes[],
  now: number,
): { lanes: PresenceLane[]; from: number; to: number } | null {
  const from = room.createdAt;
  const to = room.deletedAt ?? now;
  const byUser = new Map<string, { label: string; stays: { from: number; to: number }[] }>();
  for (const s of stays) {
    if (s.enteredAt === null) continue;
    const person = byUser.get(s.userId) ?? { label: s.nickname || s.userId, stays: [] };
    person.stays.push({ from: s.enteredAt, to: s.exitedAt ?? to });
    byUser.set(s.userId, person);
  }
  if (byUser.size === 0 || from >= to) return null;
  const lanes = [...byUser].map(([userId, person]) => {
    const ordered = person.stays.sort((a, b) => a.from - b.from);
    const spans: PresenceSpan[] = [];
    // Stays can overlap (two devices): a gap is only time after every earlier stay has ended.
    let reach = -Infinity;
    for (const stay of ordered) {
      if (stay.from > reach && reach > -Infinity) spans.push({ from: reach, to: stay.from, state: "disconnected" });
      spans.push({ ...stay, state: "connected" });
      reach = Math.max(reach, stay.to);
    }
    return { first: ordered[0]?.from ?? Infinity, lane: { label: person.label, ...(isPathSegment(userId) ? { href: userPath(userId) } : {}), spans } };
  });
  return { lanes: lanes.sort((a, b) => a.first - b.first).map((l) => l.lane), from, to };
}
