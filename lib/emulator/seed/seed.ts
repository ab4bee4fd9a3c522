import { createRandom } from "../random";
import type { Random } from "../random";
import type { HostRecord, LiveEventRecord, ParticipantRecord, UserRecord } from "../store/records";
import { newLiveEventRecord } from "../store/live-events";
import type { Store } from "../store/store";
import { seedCall, seedRoom } from "./calls";
import { day, hour, minute, pickDistinct, seedRecording } from "./parts";
import { firstNames, languages, lastNames, plans, regions, teams, titleEnds, titleStarts } from "./names";

export const seedSizes = {
  empty: { users: 0, liveEvents: 0, calls: 0, rooms: 0, apiTokens: 0 },
  small: { users: 40, liveEvents: 24, calls: 200, rooms: 3, apiTokens: 2 },
  demo: { users: 400, liveEvents: 150, calls: 3000, rooms: 5, apiTokens: 2 },
  large: { users: 2000, liveEvents: 1000, calls: 20000, rooms: 20, apiTokens: 2 },
} as const;
export type SeedSize = keyof typeof seedSizes;

export interface SeedCounts {
  users: number;
  liveEvents: number;
  calls: number;
  rooms: number;
  apiTokens: number;
}

/**
 * Fills the store with a deterministic demo world: the same seed gives the same users, events, calls,
 * rooms and tokens (times are relative to the clock's now).
 */
export function seedWorld(store: Store, seed: number, counts: SeedCounts): void {
  const rnd = createRandom(seed);
  const now = store.now();
  const users = seedUsers(store, rnd, counts.users, now);
  const hostPool = users.slice(0, Math.max(1, Math.ceil(users.length / 10)));
  for (let i = 0; i < counts.liveEvents; i += 1) {
    const event = seedLiveEvent(rnd, i, counts.liveEvents, users, hostPool, now);
    if (event) store.addLiveEvent(event);
  }
  for (let i = 0; i < counts.calls && users.length > 1; i += 1) store.addCall(seedCall(rnd, users, now));
  for (let i = 0; i < counts.rooms; i += 1) store.addRoom(seedRoom(rnd, i, users, now));
  for (let i = 0; i < counts.apiTokens; i += 1) {
    const token = rnd.hex(40);
    store.apiTokens.set(token, { token, created_at: Math.floor((now - (60 - i * 20) * day) / 1000) });
  }
}

function seedUsers(store: Store, rnd: Random, count: number, now: number): UserRecord[] {
  const users: UserRecord[] = [];
  const taken = new Set<string>();
  for (let i = 0; i < count; i += 1) {
    const first = rnd.pick(firstNames);
    const last = rnd.pick(lastNames);
    let id = `${first}.${last}`.toLowerCase().replace(/[^a-z0-9.]/g, "");
    while (taken.has(id)) id = `${id.replace(/-\d+$/, "")}-${rnd.int(2, 999)}`;
    taken.add(id);
    const createdAt = now - rnd.int(31, 400) * day - rnd.int(0, day);
    const online = rnd.chance(0.12);
    const user: UserRecord = {
      user_id: id,
      nickname: rnd.chance(0.9) ? `${first} ${last}` : `${first.toLowerCase()}_${rnd.int(1, 99)}`,
      profile_url: rnd.chance(0.8) ? `https://avatars.emulator.invalid/${id}.png` : "",
      metadata: { team: rnd.pick(teams), plan: rnd.pick(plans), region: rnd.pick(regions) },
      is_active: rnd.chance(0.95),
      is_online: online,
      has_ever_logged_in: true,
      last_seen_at: online ? 0 : now - rnd.int(1, 45 * 24) * hour,
      created_at: Math.floor(createdAt / 1000),
      discovery_keys: [],
      preferred_languages: [rnd.pick(languages)],
      locale: "",
      require_auth_for_profile_image: false,
      access_token: rnd.chance(0.3) ? rnd.hex(40) : null,
      session_tokens: [],
    };
    store.addUser(user);
    users.push(user);
  }
  return users;
}

/** Ongoing, ready and created events are recent; the rest ended over the last 30 days. */
function seedLiveEvent(rnd: Random, index: number, total: number, users: UserRecord[], hostPool: UserRecord[], now: number): LiveEventRecord | null {
  if (users.length === 0) return null;
  const kinds = ["ongoing", "ongoing", "ongoing", "ready", "ready", "created", "created", "created"] as const;
  const state = index < kinds.length && index < total / 2 ? (kinds[index] ?? "ended") : "ended";
  const candidates = pickDistinct(rnd, hostPool, rnd.int(1, Math.min(3, hostPool.length)));
  const audioOnly = rnd.chance(0.2);
  const createdAt =
    state === "ended" ? now - rnd.int(2 * hour, 30 * day) : state === "ongoing" ? now - rnd.int(40 * minute, 3 * hour) : now - rnd.int(5 * minute, 2 * day);
  // Drawn in this order, so the same seed keeps making the same world.
  const id = rnd.uuid();
  const title = `${rnd.pick(titleStarts)}${rnd.pick(titleEnds)}`;
  const coverUrl = rnd.chance(0.7) ? `https://covers.emulator.invalid/${index}.jpg` : "";
  const customItems: Record<string, string> = rnd.chance(0.5) ? { campaign: rnd.pick(["spring", "summer", "launch", "weekly"]), tier: rnd.pick(plans) } : {};
  const event = newLiveEventRecord(
    {
      host_type: "single_host",
      live_event_type: audioOnly ? "live_event_for_audio_only" : "live_event_for_video",
      user_ids_for_host: candidates.map((u) => u.user_id),
      title,
      cover_url: coverUrl,
      custom_items: customItems,
    },
    id,
    createdAt,
  );
  if (state === "created") return event;
  event.state = "ready";
  event.set_ready_at = createdAt + rnd.int(1, 10) * minute;
  const hostUser = candidates[0] ?? hostPool[0];
  if (state === "ready") {
    if (hostUser && rnd.chance(0.5)) event.hosts.push(seedHost(rnd, hostUser.user_id, event.set_ready_at, null, !audioOnly));
    return event;
  }
  const startedAt = event.set_ready_at + rnd.int(1, 5) * minute;
  event.state = "ongoing";
  event.started_at = startedAt;
  const endAt = state === "ended" ? Math.min(now - minute, startedAt + rnd.int(10 * minute, 3 * hour)) : null;
  for (const candidate of candidates.slice(0, rnd.int(1, candidates.length))) {
    const drop = rnd.chance(0.15);
    event.hosts.push(seedHost(rnd, candidate.user_id, startedAt - rnd.int(1, 4) * minute, endAt, !audioOnly, drop));
  }
  seedAudience(rnd, event, users, startedAt, endAt ?? now, endAt === null);
  if (endAt !== null) {
    event.state = "ended";
    event.ended_at = endAt;
    if (rnd.chance(0.4)) event.cloud_recordings.push(seedRecording(rnd, startedAt, endAt));
  } else if (rnd.chance(0.5)) {
    event.cloud_recordings.push({ recording_id: rnd.uuid(), status: "recording", started_at: startedAt, stopped_at: null });
  }
  return event;
}

/** A host session; `drop` gives it a disconnect-and-reconnect in the middle. */
function seedHost(rnd: Random, userId: string, enteredAt: number, exitAt: number | null, video: boolean, drop = false): HostRecord {
  const rtmp = rnd.chance(0.1);
  const host: HostRecord = {
    host_id: rnd.uuid(),
    client_id: rnd.uuid(),
    user_id: userId,
    state: "entered",
    stream_type: rtmp ? "rtmp" : "webrtc",
    entered_at: enteredAt,
    connected_at: null,
    disconnected_at: null,
    exited_at: null,
    is_audio_on: true,
    is_video_on: video,
    rtmp_stream_key: rtmp ? rnd.hex(32) : null,
  };
  if (exitAt === null && rnd.chance(0.1)) return host;
  host.state = "connected";
  host.connected_at = enteredAt + rnd.int(5_000, 60_000);
  if (drop) {
    host.disconnected_at = host.connected_at + rnd.int(2, 8) * minute;
    host.connected_at = host.disconnected_at + rnd.int(65_000, 3 * minute);
  }
  if (exitAt !== null) {
    host.state = "exited";
    host.disconnected_at = exitAt;
    host.exited_at = exitAt;
  }
  return host;
}

/** Participant entries spread over the event, with peak and cumulative counts that match them. */
function seedAudience(rnd: Random, event: LiveEventRecord, users: UserRecord[], from: number, to: number, live: boolean): void {
  const size = Math.min(users.length, rnd.int(5, Math.max(6, Math.floor(users.length / 3))));
  const entries: ParticipantRecord[] = [];
  for (const user of pickDistinct(rnd, users, size)) {
    const visits = rnd.chance(0.15) ? 2 : 1;
    let cursor = from + rnd.int(0, Math.max(1, Math.floor((to - from) / 2)));
    let last: ParticipantRecord | undefined;
    for (let v = 0; v < visits && cursor < to; v += 1) {
      const exit = Math.min(to, cursor + rnd.int(minute, Math.max(minute + 1, to - cursor)));
      last = { participant_id: rnd.uuid(), client_id: rnd.uuid(), user_id: user.user_id, entered_at: cursor, exited_at: exit };
      entries.push(last);
      cursor = exit + rnd.int(minute, 10 * minute);
    }
    // While the event is on air, about half of the audience is still watching.
    if (live && last && rnd.chance(0.55)) last.exited_at = null;
  }
  const lastEntry = entries[entries.length - 1];
  if (live && lastEntry && !entries.some((p) => p.exited_at === null)) lastEntry.exited_at = null;
  entries.sort((a, b) => a.entered_at - b.entered_at);
  event.participants = entries;
  event.cumulative_participant_count = entries.length;
  event.peak_participant_count = peakOf(entries);
}

function peakOf(entries: ParticipantRecord[]): number {
  const edges: [number, number][] = [];
  for (const p of entries) {
    edges.push([p.entered_at, 1]);
    if (p.exited_at !== null) edges.push([p.exited_at, -1]);
  }
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let current = 0;
  let peak = 0;
  for (const [, delta] of edges) {
    current += delta;
    peak = Math.max(peak, current);
  }
  return peak;
}
