import { z } from "zod";

/**
 * The emulator's internal records. They are plain JSON data (so the whole state can be exported and
 * imported) and hold more than the wire shapes: every host session and participant entry ever made.
 */
const ms = z.number().int();
const msOrNull = ms.nullable();
const stringMap = z.record(z.string(), z.string());

export const userRecordSchema = z.object({
  user_id: z.string(),
  nickname: z.string(),
  profile_url: z.string(),
  metadata: stringMap,
  is_active: z.boolean(),
  is_online: z.boolean(),
  has_ever_logged_in: z.boolean(),
  last_seen_at: ms,
  /** Unix seconds, as in the Chat docs' example. */
  created_at: ms,
  discovery_keys: z.array(z.string()),
  preferred_languages: z.array(z.string()),
  locale: z.string(),
  require_auth_for_profile_image: z.boolean(),
  access_token: z.string().nullable(),
  /** Only tokens issued the deprecated way (`issue_session_token` on an update) are kept. */
  session_tokens: z.array(z.object({ token: z.string(), expires_at: ms })),
});
export type UserRecord = z.infer<typeof userRecordSchema>;
export type SessionTokenRecord = UserRecord["session_tokens"][number];

export const hostRecordSchema = z.object({
  host_id: z.string(),
  client_id: z.string(),
  user_id: z.string(),
  state: z.enum(["entered", "connected", "disconnected", "exited"]),
  stream_type: z.enum(["webrtc", "rtmp"]),
  entered_at: ms,
  connected_at: msOrNull,
  disconnected_at: msOrNull,
  exited_at: msOrNull,
  is_audio_on: z.boolean(),
  is_video_on: z.boolean(),
  rtmp_stream_key: z.string().nullable(),
});
export type HostRecord = z.infer<typeof hostRecordSchema>;

export const participantRecordSchema = z.object({
  participant_id: z.string(),
  client_id: z.string(),
  user_id: z.string(),
  entered_at: ms,
  exited_at: msOrNull,
});
export type ParticipantRecord = z.infer<typeof participantRecordSchema>;

/** Live recordings may also be `ready` or `paused`; the Calls docs list only the other four for calls and rooms. */
export const liveRecordingStatuses = ["ready", "recording", "paused", "uploading", "completed", "failed"] as const;
export const callRecordingStatuses = ["recording", "uploading", "completed", "failed"] as const;

export const recordingRecordSchema = z.object({
  recording_id: z.string(),
  status: z.enum(liveRecordingStatuses),
  started_at: ms,
  stopped_at: msOrNull,
});
export type RecordingRecord = z.infer<typeof recordingRecordSchema>;

export const liveEventRecordSchema = z.object({
  live_event_id: z.string(),
  host_type: z.string(),
  live_event_type: z.enum(["live_event_for_video", "live_event_for_audio_only"]),
  state: z.enum(["created", "ready", "ongoing", "ended"]),
  created_at: ms,
  set_ready_at: msOrNull,
  started_at: msOrNull,
  ended_at: msOrNull,
  created_by: z.string(),
  set_ready_by: z.string(),
  started_by: z.string(),
  ended_by: z.string(),
  user_ids_for_host: z.array(z.string()),
  title: z.string(),
  cover_url: z.string(),
  custom_items: stringMap,
  peak_participant_count: z.number().int(),
  cumulative_participant_count: z.number().int(),
  hosts: z.array(hostRecordSchema),
  participants: z.array(participantRecordSchema),
  cloud_recordings: z.array(recordingRecordSchema),
});
export type LiveEventRecord = z.infer<typeof liveEventRecordSchema>;

export const callRecordSchema = z.object({
  call_id: z.string(),
  is_video_call: z.boolean(),
  caller_id: z.string(),
  callee_id: z.string(),
  started_at: ms,
  ended_at: ms,
  /** Accepted → ended, in ms; 0 when the call was never accepted. */
  duration: z.number().int(),
  ended_by: z.string(),
  end_result: z.enum(["completed", "canceled", "declined", "connection_lost", "no_answer", "timed_out", "unknown"]),
  custom_items: stringMap,
  cloud_recordings: z.array(recordingRecordSchema),
});
export type CallRecord = z.infer<typeof callRecordSchema>;

/** A room's participant is a live event's, with its microphone and camera. */
export const roomParticipantRecordSchema = participantRecordSchema.extend({
  is_audio_on: z.boolean(),
  is_video_on: z.boolean(),
});
export type RoomParticipantRecord = z.infer<typeof roomParticipantRecordSchema>;

export const roomRecordSchema = z.object({
  room_id: z.string(),
  room_type: z.enum(["small_room_for_video", "large_room_for_audio_only"]),
  state: z.enum(["open", "deleted"]),
  created_at: ms,
  updated_at: ms,
  deleted_at: msOrNull,
  created_by: z.string(),
  deleted_by: z.string(),
  custom_items: stringMap,
  participants: z.array(roomParticipantRecordSchema),
  /** Snapshots written before rooms had recordings import with none. */
  cloud_recordings: z.array(recordingRecordSchema).default([]),
});
export type RoomRecord = z.infer<typeof roomRecordSchema>;

export const apiTokenRecordSchema = z.object({
  token: z.string(),
  /** Unix seconds. */
  created_at: ms,
});
export type ApiTokenRecord = z.infer<typeof apiTokenRecordSchema>;

/** The whole exported state: what `GET /__emulator/state` returns and `PUT` accepts. */
export const stateSnapshotSchema = z.object({
  version: z.literal(1),
  users: z.array(userRecordSchema),
  live_events: z.array(liveEventRecordSchema),
  calls: z.array(callRecordSchema),
  rooms: z.array(roomRecordSchema),
  api_tokens: z.array(apiTokenRecordSchema).max(10),
});
export type StateSnapshot = z.infer<typeof stateSnapshotSchema>;
