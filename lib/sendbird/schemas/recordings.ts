import { z } from "zod";
import { timestampMsSchema } from "./common";

export const recordingStatuses = ["ready", "recording", "paused", "uploading", "completed", "failed"] as const;
export const recordingStatusSchema = z.enum(recordingStatuses);

/**
 * A cloud recording of a live event (`target_event_type` "live"), a direct call ("call_audio"/"call_video") or
 * a room ("room_audio"/"room_video"); `byte_size` and `media_type` are documented for live events.
 */
export const cloudRecordingSchema = z.object({
  recording_id: z.string(),
  target_event_type: z.string(),
  live_event_id: z.string().optional(),
  call_id: z.string().optional(),
  room_id: z.string().optional(),
  status: z.string(),
  started_at: timestampMsSchema,
  stopped_at: timestampMsSchema.optional(),
  duration: z.number().int().nullable().optional(),
  byte_size: z.number().int().optional(),
  media_type: z.string().optional(),
});
export type CloudRecording = z.infer<typeof cloudRecordingSchema>;

export const recordingCopyResponseSchema = z.object({
  recording_id: z.string(),
  bucket: z.string(),
  region: z.string(),
  status: z.string(),
  requested_at: z.number().int(),
});
