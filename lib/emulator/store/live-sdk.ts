// What only the Live SDK can do (hosts and participants coming and going), driven by the control plane and
// the simulator.
import { EmulatorError } from "../errors";
import { exitHostRecord, getLiveEvent } from "./live-events";
import type { HostRecord, LiveEventRecord, ParticipantRecord } from "./records";
import { activeHosts, participantCount } from "./serialize";
import type { Store } from "./store";

const maxActiveHosts = 6;

function openEvent(store: Store, eventId: string): LiveEventRecord {
  const event = getLiveEvent(store, eventId);
  if (event.state === "ended") throw new EmulatorError("not_allowed", "The live event has ended.");
  return event;
}

export interface HostEnterInput {
  user_id: string;
  stream_type?: "webrtc" | "rtmp" | undefined;
  is_audio_on?: boolean | undefined;
  is_video_on?: boolean | undefined;
}

export function hostEnter(store: Store, eventId: string, input: HostEnterInput): HostRecord {
  const event = openEvent(store, eventId);
  if (!event.user_ids_for_host.includes(input.user_id)) {
    throw new EmulatorError("not_allowed", `"${input.user_id}" is not a host candidate of this live event.`);
  }
  const active = activeHosts(event);
  if (active.some((h) => h.user_id === input.user_id)) {
    throw new EmulatorError("exists", `"${input.user_id}" is already hosting this live event.`);
  }
  if (active.length >= maxActiveHosts) throw new EmulatorError("not_allowed", `At most ${maxActiveHosts} hosts at once.`);
  const streamType = input.stream_type ?? "webrtc";
  const host: HostRecord = {
    host_id: store.newId(),
    client_id: store.newId(),
    user_id: input.user_id,
    state: "entered",
    stream_type: streamType,
    entered_at: store.now(),
    connected_at: null,
    disconnected_at: null,
    exited_at: null,
    is_audio_on: input.is_audio_on ?? true,
    is_video_on: input.is_video_on ?? event.live_event_type === "live_event_for_video",
    rtmp_stream_key: streamType === "rtmp" ? store.newSecret(16) : null,
  };
  event.hosts.push(host);
  store.touch(eventId);
  return host;
}

export type HostMove = "connect" | "disconnect" | "exit";

/** Moves a host session: entered/disconnected → connected → disconnected; any → exited. */
export function moveHost(store: Store, eventId: string, hostId: string, move: HostMove): HostRecord {
  const event = getLiveEvent(store, eventId);
  const host = event.hosts.find((h) => h.host_id === hostId);
  if (!host) throw new EmulatorError("not_found", `Host "${hostId}" not found in this live event.`);
  if (host.state === "exited") throw new EmulatorError("not_allowed", "This host has already exited.");
  const now = store.now();
  if (move === "connect") {
    if (host.state === "connected") throw new EmulatorError("not_allowed", "This host is already connected.");
    if (event.state === "ended") throw new EmulatorError("not_allowed", "The live event has ended.");
    host.state = "connected";
    host.connected_at = now;
  } else if (move === "disconnect") {
    if (host.state !== "connected") throw new EmulatorError("not_allowed", "Only a connected host can disconnect.");
    host.state = "disconnected";
    host.disconnected_at = now;
  } else {
    exitHostRecord(host, now);
  }
  store.touch(eventId);
  return host;
}

/** Users who may watch: active, not watching this event right now. */
function pickViewers(store: Store, event: LiveEventRecord, count: number, pick: (n: number) => number): string[] {
  const watching = new Set(event.participants.filter((p) => p.exited_at === null).map((p) => p.user_id));
  const candidates = store.userOrder.filter((u) => u.is_active && !watching.has(u.user_id)).map((u) => u.user_id);
  const chosen: string[] = [];
  while (chosen.length < count && candidates.length > 0) {
    const [id] = candidates.splice(pick(candidates.length), 1);
    if (id !== undefined) chosen.push(id);
  }
  return chosen;
}

export interface JoinInput {
  user_ids?: string[] | undefined;
  count?: number | undefined;
}

/** A participant who has just entered (a live event's, or a room's before its microphone and camera). */
export function newParticipant(store: Store, userId: string, now: number): ParticipantRecord {
  return { participant_id: store.newId(), client_id: store.newId(), user_id: userId, entered_at: now, exited_at: null };
}

/** Participants enter (only while ready or ongoing); updates peak and cumulative counts. */
export function participantsJoin(
  store: Store,
  eventId: string,
  input: JoinInput,
  pick: (n: number) => number = (n) => Math.floor(Math.random() * n),
): ParticipantRecord[] {
  const event = openEvent(store, eventId);
  if (event.state === "created") throw new EmulatorError("not_allowed", "Participants cannot enter before the event is ready.");
  const userIds = input.user_ids ?? pickViewers(store, event, input.count ?? 1, pick);
  const watching = new Set(event.participants.filter((p) => p.exited_at === null).map((p) => p.user_id));
  for (const id of userIds) {
    if (!store.users.has(id)) throw new EmulatorError("not_found", `User "${id}" not found.`);
    if (watching.has(id)) throw new EmulatorError("exists", `"${id}" is already watching this live event.`);
    watching.add(id);
  }
  const now = store.now();
  const joined = userIds.map((userId) => newParticipant(store, userId, now));
  event.participants.push(...joined);
  event.cumulative_participant_count += joined.length;
  event.peak_participant_count = Math.max(event.peak_participant_count, participantCount(event));
  store.touch(eventId);
  return joined;
}

/** Participants leave: the given users, or `count` of those present. */
export function participantsLeave(store: Store, eventId: string, input: JoinInput): ParticipantRecord[] {
  const event = getLiveEvent(store, eventId);
  const present = event.participants.filter((p) => p.exited_at === null);
  const leaving = input.user_ids ? present.filter((p) => input.user_ids?.includes(p.user_id)) : present.slice(0, input.count ?? 1);
  const now = store.now();
  for (const p of leaving) p.exited_at = now;
  store.touch(eventId);
  return leaving;
}
