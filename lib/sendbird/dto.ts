// Shared with the browser on purpose: client components import these types, and the mappers only reshape
// values already fetched on the server. Nothing here holds a token or calls Sendbird.
import type { CallPartyDto, DirectCallDto, HostDto, LiveEventDto, ParticipantDto, RecordingDto, RoomDto, RoomParticipantDto, UserDto } from "./dto-schemas";
import type { CloudRecording, DirectCall, EmbeddedUser, Host, LiveEvent, Participant, Room, RoomParticipant, User } from "./schemas";

export * from "./dto-schemas";

/** Chat timestamps come in seconds or milliseconds; values below 1e12 are seconds. */
export function toMs(value: number | null | undefined): number | null {
  if (value === null || value === undefined || value <= 0) return null;
  return value < 1e12 ? value * 1000 : value;
}

export function toRecordingDto(r: CloudRecording): RecordingDto {
  return {
    recordingId: r.recording_id,
    status: r.status,
    startedAt: r.started_at,
    stoppedAt: r.stopped_at ?? null,
    // Sendbird's duration is an int (0) while the recording is still going: no length yet.
    durationMs: r.stopped_at ? (r.duration ?? null) : null,
  };
}

export function toHostDto(h: Host): HostDto {
  return {
    hostId: h.host_id,
    userId: h.user.user_id,
    nickname: h.user.nickname,
    profileUrl: h.user.profile_url,
    state: h.state,
    streamType: h.stream_type ?? null,
    enteredAt: h.entered_at,
    connectedAt: h.connected_at,
    disconnectedAt: h.disconnected_at,
    exitedAt: h.exited_at,
    durationMs: h.duration,
    audioOn: h.is_audio_on ?? h.has_audio_on ?? false,
    videoOn: h.is_video_on ?? h.has_video_on ?? false,
  };
}

/** Folds `host` (older generation) and `hosts` (newer) into one list. */
export function hostsOf(value: { host?: Host | null | undefined; hosts?: Host[] | undefined }): HostDto[] {
  if (value.hosts && value.hosts.length > 0) return value.hosts.map(toHostDto);
  return value.host ? [toHostDto(value.host)] : [];
}

export function toLiveEventDto(e: LiveEvent): LiveEventDto {
  const audio = e.live_event_type === "live_event_for_audio_only" || e.host_type === "single_host_audio_only";
  return {
    id: e.live_event_id,
    title: e.title ?? "",
    type: audio ? "audio" : "video",
    state: e.state,
    createdAt: e.created_at,
    setReadyAt: e.set_ready_at,
    startedAt: e.started_at,
    endedAt: e.ended_at,
    createdBy: e.created_by,
    setReadyBy: e.set_ready_by,
    startedBy: e.started_by,
    endedBy: e.ended_by,
    durationMs: e.duration,
    isHostStreaming: e.is_host_streaming,
    hosts: hostsOf(e),
    hostCandidates: e.user_ids_for_host,
    participantCount: e.participant_count,
    peakParticipantCount: e.peak_participant_count,
    cumulativeParticipantCount: e.cumulative_participant_count,
    coverUrl: e.cover_url ?? "",
    customItems: e.custom_items ?? {},
    recordings: (e.cloud_recordings ?? []).map(toRecordingDto),
  };
}

export function toParticipantDto(p: Participant): ParticipantDto {
  return {
    participantId: p.participant_id,
    userId: p.user.user_id,
    nickname: p.user.nickname,
    profileUrl: p.user.profile_url,
    state: p.state,
    enteredAt: p.entered_at,
    exitedAt: p.exited_at,
    durationMs: p.duration,
  };
}

export function toUserDto(u: User): UserDto {
  return {
    userId: u.user_id,
    nickname: u.nickname,
    profileUrl: u.profile_url,
    isActive: u.is_active,
    isOnline: u.is_online,
    lastSeenAt: toMs(u.last_seen_at),
    createdAt: toMs(u.created_at),
    hasEverLoggedIn: u.has_ever_logged_in ?? false,
    metadata: u.metadata,
    preferredLanguages: u.preferred_languages ?? [],
    hasAccessToken: typeof u.access_token === "string" && u.access_token !== "",
  };
}

function party(u: EmbeddedUser | undefined): CallPartyDto | null {
  return u ? { userId: u.user_id, nickname: u.nickname, profileUrl: u.profile_url } : null;
}

export function toDirectCallDto(c: DirectCall): DirectCallDto {
  return {
    callId: c.call_id,
    isVideo: c.is_video_call,
    state: c.state ?? null,
    endResult: c.end_result ?? c.end_result_ex ?? null,
    caller: party(c.participants.find((p) => p.role === "dc_caller")),
    callee: party(c.participants.find((p) => p.role === "dc_callee")),
    userRole: c.user_role ?? null,
    startedBy: c.started_by,
    startedAt: c.started_at,
    endedAt: c.ended_at,
    endedBy: c.ended_by ?? null,
    durationMs: c.duration,
    customItems: c.custom_items ?? {},
    recordings: (c.cloud_recordings ?? []).map(toRecordingDto),
  };
}

export function toRoomParticipantDto(p: RoomParticipant): RoomParticipantDto {
  return {
    participantId: p.participant_id,
    userId: p.user.user_id,
    nickname: p.user.nickname,
    state: p.state,
    enteredAt: p.entered_at,
    exitedAt: p.exited_at,
    durationSeconds: p.duration,
    audioOn: p.is_audio_on,
    videoOn: p.is_video_on,
  };
}

export function toRoomDto(r: Room): RoomDto {
  return {
    roomId: r.room_id,
    type: r.room_type,
    state: r.state.toLowerCase(),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    // The docs' room has no deletion time; a deleted room's last change is its deletion.
    deletedAt: r.deleted_at ?? (r.state.toLowerCase() === "deleted" ? r.updated_at : null),
    createdBy: r.created_by,
    deletedBy: r.deleted_by ?? "",
    currentParticipants: r.current_participants.map(toRoomParticipantDto),
    customItems: r.custom_items,
    recordings: (r.cloud_recordings ?? []).map(toRecordingDto),
  };
}

const secretKeys = new Set(["access_token", "session_tokens", "session_token", "stream_key", "rtmp_stream", "token", "secret_key", "access_key"]);

/** A copy of a raw Sendbird object with every credential removed, for "show the raw JSON" views. */
export function sanitizeRaw(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sanitizeRaw);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !secretKeys.has(key))
        .map(([key, v]) => [key, sanitizeRaw(v)]),
    );
  }
  return value;
}
