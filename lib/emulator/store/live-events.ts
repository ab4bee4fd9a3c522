import { EmulatorError } from "../errors";
import { newestFirst, paginate } from "../paginate";
import type { Cursor, Page, PageRequest } from "../paginate";
import type { HostRecord, LiveEventRecord, ParticipantRecord } from "./records";
import { activeHosts, participantCount } from "./serialize";
import { liveEventKey } from "./store";
import type { Store } from "./store";

export interface LiveEventInput {
  host_type: string;
  live_event_type: LiveEventRecord["live_event_type"];
  user_ids_for_host: string[];
  title?: string | undefined;
  cover_url?: string | undefined;
  custom_items?: Record<string, string> | undefined;
}

export function getLiveEvent(store: Store, id: string): LiveEventRecord {
  const event = store.liveEvents.get(id);
  if (!event) throw new EmulatorError("not_found", `Live event "${id}" not found.`);
  return event;
}

/** A new event as Sendbird makes one: created, nobody in it, nothing recorded. The seed builds its history from here. */
export function newLiveEventRecord(input: LiveEventInput, id: string, createdAt: number): LiveEventRecord {
  return {
    live_event_id: id,
    host_type: input.host_type,
    live_event_type: input.live_event_type,
    state: "created",
    created_at: createdAt,
    set_ready_at: null,
    started_at: null,
    ended_at: null,
    created_by: "",
    set_ready_by: "",
    started_by: "",
    ended_by: "",
    user_ids_for_host: input.user_ids_for_host,
    title: input.title ?? "",
    cover_url: input.cover_url ?? "",
    custom_items: input.custom_items ?? {},
    peak_participant_count: 0,
    cumulative_participant_count: 0,
    hosts: [],
    participants: [],
    cloud_recordings: [],
  };
}

export function createLiveEvent(store: Store, input: LiveEventInput, id = store.newId()): LiveEventRecord {
  const event = newLiveEventRecord(input, id, store.now());
  store.addLiveEvent(event);
  return event;
}

function refuse(event: LiveEventRecord, action: string): EmulatorError {
  return new EmulatorError("not_allowed", `Cannot ${action} a live event in state "${event.state}".`);
}

/** created → ready. */
export function setReady(store: Store, id: string): LiveEventRecord {
  const event = getLiveEvent(store, id);
  if (event.state !== "created") throw refuse(event, "set ready");
  event.state = "ready";
  event.set_ready_at = store.now();
  store.touch(id);
  return event;
}

/** ready → ongoing. */
export function startLiveEvent(store: Store, id: string): LiveEventRecord {
  const event = getLiveEvent(store, id);
  if (event.state !== "ready") throw refuse(event, "start");
  event.state = "ongoing";
  event.started_at = store.now();
  store.touch(id);
  return event;
}

/** created | ready | ongoing → ended; everyone in it is forced out. */
export function endLiveEvent(store: Store, id: string): LiveEventRecord {
  const event = getLiveEvent(store, id);
  if (event.state === "ended") throw refuse(event, "end");
  const now = store.now();
  event.state = "ended";
  event.ended_at = now;
  for (const host of event.hosts) exitHostRecord(host, now);
  for (const p of event.participants) if (p.exited_at === null) p.exited_at = now;
  for (const r of event.cloud_recordings) {
    if (r.status === "recording" || r.status === "paused") {
      r.status = "completed";
      r.stopped_at = now;
    }
  }
  store.touch(id);
  return event;
}

export interface LiveEventPatch {
  title?: string | undefined;
  cover_url?: string | undefined;
  user_ids_for_host?: string[] | undefined;
}

export function updateLiveEvent(store: Store, id: string, patch: LiveEventPatch): LiveEventRecord {
  const event = getLiveEvent(store, id);
  if (event.state === "ended") throw refuse(event, "update");
  if (patch.title !== undefined) event.title = patch.title;
  if (patch.cover_url !== undefined) event.cover_url = patch.cover_url;
  if (patch.user_ids_for_host !== undefined) event.user_ids_for_host = patch.user_ids_for_host;
  store.touch(id);
  return event;
}

export interface LiveEventFilter {
  states?: string[] | undefined;
  hostTypes?: string[] | undefined;
  types?: string[] | undefined;
  createdFrom?: number | undefined;
  createdTo?: number | undefined;
  startedFrom?: number | undefined;
  startedTo?: number | undefined;
  participantsMin?: number | undefined;
  participantsMax?: number | undefined;
  durationMin?: number | undefined;
  durationMax?: number | undefined;
  ids?: string[] | undefined;
  createdBy?: string[] | undefined;
}

function matches(event: LiveEventRecord, f: LiveEventFilter): boolean {
  if (f.states && !f.states.includes(event.state)) return false;
  if (f.hostTypes && !f.hostTypes.includes(event.host_type)) return false;
  if (f.types && !f.types.includes(event.live_event_type)) return false;
  if (f.createdFrom !== undefined && event.created_at < f.createdFrom) return false;
  if (f.createdTo !== undefined && event.created_at >= f.createdTo) return false;
  if (f.startedFrom !== undefined && (event.started_at === null || event.started_at < f.startedFrom)) return false;
  if (f.startedTo !== undefined && (event.started_at === null || event.started_at >= f.startedTo)) return false;
  if (f.ids && !f.ids.includes(event.live_event_id)) return false;
  if (f.createdBy && !f.createdBy.includes(event.created_by)) return false;
  if (f.participantsMin !== undefined || f.participantsMax !== undefined) {
    const count = participantCount(event);
    if (f.participantsMin !== undefined && count < f.participantsMin) return false;
    if (f.participantsMax !== undefined && count > f.participantsMax) return false;
  }
  if (f.durationMin !== undefined || f.durationMax !== undefined) {
    const duration = event.ended_at === null ? 0 : event.ended_at - event.created_at;
    if (f.durationMin !== undefined && duration < f.durationMin) return false;
    if (f.durationMax !== undefined && duration > f.durationMax) return false;
  }
  return true;
}

export function listLiveEvents(store: Store, filter: LiveEventFilter, page: PageRequest): Page<LiveEventRecord> {
  const all = store.liveEventOrder;
  const filtered = Object.values(filter).some((v) => v !== undefined) ? all.filter((e) => matches(e, filter)) : all;
  return paginate("live_events", filtered, liveEventKey, newestFirst, page);
}

const participantKey = (p: ParticipantRecord): Cursor => ({ sort: p.entered_at, id: p.participant_id });

/** Participant entries, newest entry first; sorted by the page key (entries of one instant by id) so tokens cut it right. */
export function listParticipants(store: Store, id: string, page: PageRequest) {
  const event = getLiveEvent(store, id);
  const ordered = [...event.participants].sort((a, b) => newestFirst(participantKey(a), participantKey(b)));
  return paginate(`participants:${id}`, ordered, participantKey, newestFirst, page);
}

export function exitHostRecord(host: HostRecord, now: number): void {
  if (host.state === "exited") return;
  if (host.state === "connected") host.disconnected_at = now;
  host.state = "exited";
  host.exited_at = now;
}

/** What only the Live SDK can do (hosts and participants coming and going), driven by the control plane. */

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

/** Participants enter (only while ready or ongoing); updates peak and cumulative counts. */
/** A participant who has just entered (a live event's, or a room's before its microphone and camera). */
export function newParticipant(store: Store, userId: string, now: number): ParticipantRecord {
  return { participant_id: store.newId(), client_id: store.newId(), user_id: userId, entered_at: now, exited_at: null };
}

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
