import { z } from "zod";
import { customItemsSchema, embeddedUserSchema, timestampMsSchema } from "./common";
import { cloudRecordingSchema } from "./recordings";

export const roomTypes = ["small_room_for_video", "large_room_for_audio_only"] as const;
export const roomTypeSchema = z.enum(roomTypes);
export type RoomType = z.infer<typeof roomTypeSchema>;

export const roomStates = ["open", "deleted"] as const;

/** A participant's stay in a group-call room; `duration` is in seconds. */
export const roomParticipantSchema = z.object({
  room_id: z.string(),
  participant_id: z.string(),
  client_id: z.string(),
  state: z.string(),
  entered_at: z.number().int(),
  updated_at: z.number().int(),
  exited_at: timestampMsSchema,
  duration: z.number().int().nullable(),
  is_audio_on: z.boolean(),
  is_video_on: z.boolean(),
  user: embeddedUserSchema,
});
export type RoomParticipant = z.infer<typeof roomParticipantSchema>;

export const roomSchema = z.object({
  room_id: z.string(),
  room_type: z.string(),
  state: z.string(),
  created_at: z.number().int(),
  updated_at: z.number().int(),
  deleted_at: timestampMsSchema.optional(),
  created_by: z.string(),
  deleted_by: z.string().optional(),
  current_participants: z.array(roomParticipantSchema),
  custom_items: customItemsSchema,
  cloud_recordings: z.array(cloudRecordingSchema).optional(),
});
export type Room = z.infer<typeof roomSchema>;

export const roomEnvelopeSchema = z.object({ room: roomSchema });

export const roomListSchema = z.object({
  rooms: z.array(roomSchema),
  next: z.string().nullable().optional(),
  prev: z.string().nullable().optional(),
});
export type RoomList = z.infer<typeof roomListSchema>;

export const roomParticipantListSchema = z.object({
  participants: z.array(roomParticipantSchema),
  next: z.string().nullable().optional(),
  prev: z.string().nullable().optional(),
});
