import { z } from "zod";
import type {
  CloudRecording,
  DirectCall,
  EmbeddedUser,
  Host,
  LiveEvent,
  Participant,
  Room,
  RoomParticipant,
  User,
} from "./schemas";

/**
 * What the console works with: camel-cased, both API generations folded into one shape, and every
 * credential (user access tokens, session tokens, RTMP stream keys) dropped. Raw Sendbird objects never
 * leave the server as they are.
 */
const ms = z.number().int().nullable();

export const recordingDtoSchema = z.object({
  recordingId: z.string(),
  status: z.string(),
  startedAt: ms,
  stoppedAt: ms,
  durationMs: z.number().nullable(),
});
export type RecordingDto = z.infer<typeof recordingDtoSchema>;

export const hostDtoSchema = z.object({
  hostId: z.string(),
  userId: z.string(),
  nickname: z.string(),
  profileUrl: z.string(),
  state: z.string(),
  streamType: z.string().nullable(),
  enteredAt: ms,
  connectedAt: ms,
  disconnectedAt: ms,
  exitedAt: ms,
  durationMs: z.number(),
  audioOn: z.boolean(),
  videoOn: z.boolean(),
});
export type HostDto = z.infer<typeof hostDtoSchema>;

export const liveEventDtoSchema = z.object({
  id: z.string(),
  title: z.string(),
  type: z.enum(["video", "audio"]),
  state: z.string(),
  createdAt: z.number(),
  setReadyAt: ms,
  startedAt: ms,
  endedAt: ms,
  createdBy: z.string(),
  setReadyBy: z.string(),
  startedBy: z.string(),
  endedBy: z.string(),
  durationMs: z.number(),
  isHostStreaming: z.boolean(),
  hosts: z.array(hostDtoSchema),
  hostCandidates: z.array(z.string()),
  participantCount: z.number(),
  peakParticipantCount: z.number(),
  cumulativeParticipantCount: z.number(),
  coverUrl: z.string(),
  customItems: z.record(z.string(), z.string()),
  recordings: z.array(recordingDtoSchema),
});
export type LiveEventDto = z.infer<typeof liveEventDtoSchema>;

export const participantDtoSchema = z.object({
  participantId: z.string(),
  userId: z.string(),
  nickname: z.string(),
  profileUrl: z.string(),
  state: z.string(),
  enteredAt: ms,
  exitedAt: ms,
  durationMs: z.number(),
});
export type ParticipantDto = z.infer<typeof participantDtoSchema>;

export const userDtoSchema = z.object({
  userId: z.string(),
  nickname: z.string(),
  profileUrl: z.string(),
  isActive: z.boolean(),
  isOnline: z.boolean(),
  lastSeenAt: ms,
  createdAt: ms,
  hasEverLoggedIn: z.boolean(),
  metadata: z.record(z.string(), z.string()),
  preferredLanguages: z.array(z.string()),
  /** Whether the user has an access token; never the token itself. */
  hasAccessToken: z.boolean(),
});
export type UserDto = z.infer<typeof userDtoSchema>;

export const callPartyDtoSchema = z.object({
  userId: z.string(),
  nickname: z.string(),
  profileUrl: z.string(),
});
export type CallPartyDto = z.infer<typeof callPartyDtoSchema>;

export const directCallDtoSchema = z.object({
  callId: z.string(),
  isVideo: z.boolean(),
  state: z.string().nullable(),
  endResult: z.string().nullable(),
  caller: callPartyDtoSchema.nullable(),
  callee: callPartyDtoSchema.nullable(),
  userRole: z.string().nullable(),
  startedBy: z.string(),
  startedAt: ms,
  endedAt: ms,
  endedBy: z.string().nullable(),
  durationMs: z.number().nullable(),
  customItems: z.record(z.string(), z.string()),
  recordings: z.array(recordingDtoSchema),
});
export type DirectCallDto = z.infer<typeof directCallDtoSchema>;

export const roomParticipantDtoSchema = z.object({
  participantId: z.string(),
  userId: z.string(),
  nickname: z.string(),
  state: z.string(),
  enteredAt: ms,
  exitedAt: ms,
  durationSeconds: z.number().nullable(),
  audioOn: z.boolean(),
  videoOn: z.boolean(),
});
export type RoomParticipantDto = z.infer<typeof roomParticipantDtoSchema>;

export const roomDtoSchema = z.object({
  roomId: z.string(),
  type: z.string(),
  state: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  deletedAt: ms,
  createdBy: z.string(),
  deletedBy: z.string(),
  currentParticipants: z.array(roomParticipantDtoSchema),
  customItems: z.record(z.string(), z.string()),
});
export type RoomDto = z.infer<typeof roomDtoSchema>;

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
    durationMs: r.duration ?? null,
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
    deletedAt: r.deleted_at ?? null,
    createdBy: r.created_by,
    deletedBy: r.deleted_by ?? "",
    currentParticipants: r.current_participants.map(toRoomParticipantDto),
    customItems: r.custom_items,
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
