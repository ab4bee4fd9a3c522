import type { CloudRecording, DirectCall, EmbeddedUser, Host, LiveEvent, Participant, Room, RoomParticipant, User } from "@/lib/sendbird/schemas";
import type { CallRecord, HostRecord, LiveEventRecord, ParticipantRecord, RecordingRecord, RoomParticipantRecord, RoomRecord, UserRecord } from "./records";
import type { Store } from "./store";

/** The user projection embedded in hosts, participants and calls; deleted users keep their id. */
export function embeddedUser(store: Store, userId: string, role: string | null = null): EmbeddedUser {
  const user = store.users.get(userId);
  if (!user) return { user_id: userId, nickname: "", profile_url: "", metadata: {}, is_active: false, role };
  return {
    user_id: user.user_id,
    nickname: user.nickname,
    profile_url: user.profile_url,
    metadata: user.metadata,
    is_active: user.is_active,
    role,
  };
}

export function userJson(user: UserRecord): User {
  const out: User = {
    user_id: user.user_id,
    nickname: user.nickname,
    profile_url: user.profile_url,
    require_auth_for_profile_image: user.require_auth_for_profile_image,
    is_online: user.is_online,
    is_active: user.is_active,
    has_ever_logged_in: user.has_ever_logged_in,
    last_seen_at: user.last_seen_at,
    discovery_keys: user.discovery_keys,
    preferred_languages: user.preferred_languages,
    locale: user.locale,
    created_at: user.created_at,
    metadata: user.metadata,
  };
  if (user.access_token !== null) out.access_token = user.access_token;
  if (user.session_tokens.length > 0) {
    out.session_tokens = user.session_tokens.map((t) => ({ session_token: t.token, expires_at: t.expires_at }));
  }
  return out;
}

export function hostJson(store: Store, eventId: string, host: HostRecord): Host {
  const out: Host = {
    host_id: host.host_id,
    live_event_id: eventId,
    client_id: host.client_id,
    state: host.state,
    stream_type: host.stream_type,
    entered_at: host.entered_at,
    connected_at: host.connected_at,
    disconnected_at: host.disconnected_at,
    exited_at: host.exited_at,
    duration: host.exited_at === null ? 0 : host.exited_at - host.entered_at,
    is_audio_on: host.is_audio_on,
    is_video_on: host.is_video_on,
    user: embeddedUser(store, host.user_id),
  };
  if (host.rtmp_stream_key !== null) {
    out.rtmp_stream = {
      rtmp_stream_id: `rtmp-${host.host_id}`,
      rtmp_host_url: "rtmp://127.0.0.1/live",
      stream_key: host.rtmp_stream_key,
      created_at: host.entered_at,
    };
  }
  return out;
}

export function participantJson(store: Store, eventId: string, p: ParticipantRecord): Participant {
  return {
    participant_id: p.participant_id,
    live_event_id: eventId,
    client_id: p.client_id,
    state: p.exited_at === null ? "entered" : "exited",
    entered_at: p.entered_at,
    exited_at: p.exited_at,
    duration: p.exited_at === null ? 0 : p.exited_at - p.entered_at,
    user: embeddedUser(store, p.user_id),
  };
}

/** Whose recording it is: the target types of the Live and Calls docs follow from it. */
export type RecordingOwner = { live_event_id: string; audioOnly: boolean } | { call_id: string; video: boolean } | { room_id: string; video: boolean };

/** An assumed bitrate for `byte_size` (about 1.2 Mbit/s): a stand-in size that grows with the length. */
const bytesPerMs = 150;

export function recordingJson(r: RecordingRecord, owner: RecordingOwner): CloudRecording {
  const duration = r.stopped_at === null ? 0 : r.stopped_at - r.started_at;
  const common = { recording_id: r.recording_id, status: r.status, started_at: r.started_at, stopped_at: r.stopped_at, duration };
  if ("live_event_id" in owner) {
    const media_type = owner.audioOnly ? "audio" : "video";
    return { ...common, target_event_type: "live", live_event_id: owner.live_event_id, byte_size: duration * bytesPerMs, media_type };
  }
  const media = owner.video ? "video" : "audio";
  if ("call_id" in owner) return { ...common, target_event_type: `call_${media}`, call_id: owner.call_id };
  return { ...common, target_event_type: `room_${media}`, room_id: owner.room_id };
}

/** Hosts that are in the event now. */
export function activeHosts(event: LiveEventRecord): HostRecord[] {
  return event.hosts.filter((h) => h.state !== "exited");
}

export function participantCount(event: LiveEventRecord): number {
  let count = 0;
  for (const p of event.participants) if (p.exited_at === null) count += 1;
  return count;
}

export function liveEventJson(store: Store, event: LiveEventRecord): LiveEvent {
  const hosts = activeHosts(event).map((h) => hostJson(store, event.live_event_id, h));
  return {
    live_event_id: event.live_event_id,
    host_type: event.host_type,
    live_event_type: event.live_event_type,
    state: event.state,
    created_at: event.created_at,
    set_ready_at: event.set_ready_at,
    started_at: event.started_at,
    ended_at: event.ended_at,
    is_host_streaming: event.state === "ongoing" && event.hosts.some((h) => h.state === "connected"),
    host: hosts[0] ?? null,
    hosts,
    created_by: event.created_by,
    set_ready_by: event.set_ready_by,
    started_by: event.started_by,
    ended_by: event.ended_by,
    duration: event.ended_at === null ? 0 : event.ended_at - event.created_at,
    participant_count: participantCount(event),
    peak_participant_count: event.peak_participant_count,
    cumulative_participant_count: event.cumulative_participant_count,
    user_ids_for_host: event.user_ids_for_host,
    // The docs' examples leave out a title and a cover that were never set.
    ...(event.title !== "" ? { title: event.title } : {}),
    ...(event.cover_url !== "" ? { cover_url: event.cover_url } : {}),
    custom_items: event.custom_items,
    cloud_recordings: event.cloud_recordings.map((r) =>
      recordingJson(r, { live_event_id: event.live_event_id, audioOnly: event.live_event_type === "live_event_for_audio_only" }),
    ),
  };
}

const jsonCache = new WeakMap<Store, Map<string, { rev: number; users: number; json: string; bytes: Buffer }>>();

function cachedEvent(store: Store, event: LiveEventRecord) {
  let cache = jsonCache.get(store);
  if (!cache) {
    cache = new Map();
    jsonCache.set(store, cache);
  }
  const rev = store.revisions.get(event.live_event_id) ?? 0;
  const hit = cache.get(event.live_event_id);
  if (hit && hit.rev === rev && hit.users === store.userRevision) return hit;
  const json = JSON.stringify(liveEventJson(store, event));
  const entry = { rev, users: store.userRevision, json, bytes: Buffer.from(json) };
  cache.set(event.live_event_id, entry);
  return entry;
}

/** A live event as JSON text, cached until the event or any user changes. */
export function liveEventText(store: Store, event: LiveEventRecord): string {
  return cachedEvent(store, event).json;
}

/** The same as UTF-8 bytes, for list pages assembled without re-encoding. */
export function liveEventBytes(store: Store, event: LiveEventRecord): Buffer {
  return cachedEvent(store, event).bytes;
}

/** A call participant as the Calls SDK reads one from the server: its metadata under `meta_data`. */
function callParticipant(store: Store, userId: string, role: "dc_caller" | "dc_callee") {
  const { metadata, ...user } = embeddedUser(store, userId, role);
  return { ...user, meta_data: metadata ?? {} };
}

export function callJson(store: Store, call: CallRecord, userRole?: "dc_caller" | "dc_callee"): DirectCall {
  const out: DirectCall = {
    call_id: call.call_id,
    call_type: "direct",
    is_video_call: call.is_video_call,
    state: "ended",
    end_result: call.end_result,
    end_result_ex: call.end_result,
    participants: [callParticipant(store, call.caller_id, "dc_caller"), callParticipant(store, call.callee_id, "dc_callee")],
    started_by: call.caller_id,
    started_at: call.started_at,
    ended_by: call.ended_by,
    ended_at: call.ended_at,
    duration: call.duration,
    custom_items: call.custom_items,
    cloud_recordings: call.cloud_recordings.map((r) => recordingJson(r, { call_id: call.call_id, video: call.is_video_call })),
  };
  if (userRole) out.user_role = userRole;
  return out;
}

export function roomParticipantJson(store: Store, roomId: string, p: RoomParticipantRecord): RoomParticipant {
  return {
    room_id: roomId,
    participant_id: p.participant_id,
    client_id: p.client_id,
    state: p.exited_at === null ? "connected" : "exited",
    entered_at: p.entered_at,
    updated_at: p.exited_at ?? p.entered_at,
    exited_at: p.exited_at,
    duration: p.exited_at === null ? null : Math.round((p.exited_at - p.entered_at) / 1000),
    is_audio_on: p.is_audio_on,
    is_video_on: p.is_video_on,
    user: embeddedUser(store, p.user_id),
  };
}

export function roomJson(store: Store, room: RoomRecord): Room {
  return {
    room_id: room.room_id,
    room_type: room.room_type,
    state: room.state,
    created_at: room.created_at,
    updated_at: room.updated_at,
    created_by: room.created_by,
    deleted_by: room.deleted_by,
    current_participants: room.participants.filter((p) => p.exited_at === null).map((p) => roomParticipantJson(store, room.room_id, p)),
    custom_items: room.custom_items,
    cloud_recordings: room.cloud_recordings.map((r) => recordingJson(r, { room_id: room.room_id, video: room.room_type === "small_room_for_video" })),
  };
}
