import type { Random } from "../random";
import type { CallRecord, RoomRecord, UserRecord } from "../store/records";
import { createRandom } from "../random";
import { day, hour, minute, pickDistinct, seedRecording } from "./parts";

/** Direct calls with a realistic mix of end results, and a few group-call rooms, for the demo world. */
const endResultMix: [CallRecord["end_result"], number][] = [
  ["completed", 0.56],
  ["no_answer", 0.12],
  ["canceled", 0.1],
  ["declined", 0.08],
  ["connection_lost", 0.06],
  ["timed_out", 0.05],
  ["unknown", 0.03],
];

function pickEndResult(rnd: Random): CallRecord["end_result"] {
  let roll = rnd.next();
  for (const [result, share] of endResultMix) {
    roll -= share;
    if (roll <= 0) return result;
  }
  return "completed";
}

export function seedCall(rnd: Random, users: UserRecord[], now: number): CallRecord {
  const [caller, callee] = pickDistinct(rnd, users, 2);
  const endResult = pickEndResult(rnd);
  const accepted = endResult === "completed" || endResult === "connection_lost" || endResult === "unknown";
  const duration = accepted ? Math.round(Math.exp(rnd.next() * 7.5) * 1000 + 5000) : 0;
  const ring = endResult === "no_answer" || endResult === "timed_out" ? 60_000 : rnd.int(2_000, 20_000);
  const startedAt = now - rnd.int(3 * minute, 30 * day);
  const callerId = caller?.user_id ?? "";
  const calleeId = callee?.user_id ?? "";
  return {
    call_id: rnd.uuid(),
    is_video_call: rnd.chance(0.35),
    caller_id: callerId,
    callee_id: calleeId,
    started_at: startedAt,
    ended_at: startedAt + ring + duration,
    duration,
    ended_by: endResult === "declined" ? calleeId : endResult === "no_answer" || endResult === "timed_out" ? "" : rnd.pick([callerId, calleeId]),
    end_result: endResult,
    custom_items: rnd.chance(0.1) ? { ticket: `T-${rnd.int(1000, 9999)}` } : {},
    cloud_recordings: accepted && rnd.chance(0.05) ? [seedRecording(rnd, startedAt + ring, startedAt + ring + duration)] : [],
  };
}

/** A number from an id, to seed a generator of its own. */
function idSeed(id: string): number {
  let h = 2166136261;
  for (const ch of id) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h >>> 0;
}

export function seedRoom(rnd: Random, index: number, users: UserRecord[], now: number): RoomRecord {
  const type = rnd.chance(0.6) ? "small_room_for_video" : "large_room_for_audio_only";
  const createdAt = now - rnd.int(hour, 20 * day);
  const deleted = index === 2;
  const room: RoomRecord = {
    room_id: rnd.uuid(),
    room_type: type,
    state: deleted ? "deleted" : "open",
    created_at: createdAt,
    updated_at: createdAt,
    deleted_at: deleted ? createdAt + 2 * hour : null,
    created_by: "",
    deleted_by: "",
    custom_items: rnd.chance(0.5) ? { topic: rnd.pick(["standup", "support", "sales", "design review"]) } : {},
    participants: [],
    cloud_recordings: [],
  };
  const members = pickDistinct(rnd, users, Math.min(users.length, type === "small_room_for_video" ? rnd.int(2, 6) : rnd.int(5, 20)));
  for (const user of members) {
    const entered = createdAt + rnd.int(0, hour);
    const stillIn = !deleted && index < 2 && rnd.chance(0.6);
    room.participants.push({
      participant_id: rnd.uuid(),
      client_id: rnd.uuid(),
      user_id: user.user_id,
      entered_at: entered,
      exited_at: stillIn ? null : entered + rnd.int(minute, hour),
      is_audio_on: true,
      is_video_on: type === "small_room_for_video",
    });
  }
  room.participants.sort((a, b) => a.entered_at - b.entered_at);
  room.updated_at = room.deleted_at ?? Math.max(createdAt, ...room.participants.map((p) => p.exited_at ?? p.entered_at));
  // Every other room was recorded. A generator of its own (from the room's id), so the rest of the world
  // draws what it always drew.
  if (index % 2 === 0) room.cloud_recordings.push(seedRecording(createRandom(idSeed(room.room_id)), createdAt, room.updated_at));
  return room;
}
