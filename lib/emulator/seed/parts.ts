// Pieces both halves of the demo world use (seed.ts for users and live events, calls.ts for calls and rooms),
// in a module of their own so neither imports the other's.
import type { Random } from "../random";
import type { RecordingRecord } from "../store/records";

export const minute = 60_000;
export const hour = 60 * minute;
export const day = 24 * hour;

export function seedRecording(rnd: Random, from: number, to: number): RecordingRecord {
  const status = rnd.chance(0.85) ? "completed" : rnd.pick(["failed", "uploading"] as const);
  return { recording_id: rnd.uuid(), status, started_at: from, stopped_at: to };
}

export function pickDistinct<T>(rnd: Random, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < count && pool.length > 0) {
    const [item] = pool.splice(rnd.int(0, pool.length - 1), 1);
    if (item !== undefined) out.push(item);
  }
  return out;
}
