import { EmulatorError } from "../errors";
import { newestFirst, paginate } from "../paginate";
import type { Cursor, Page, PageRequest } from "../paginate";
import type { HostRecord, LiveEventRecord, ParticipantRecord } from "./records";
import { participantCount } from "./serialize";
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
