import { z } from "zod";

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
  recordings: z.array(recordingDtoSchema),
});
export type RoomDto = z.infer<typeof roomDtoSchema>;
