import { z } from "zod";
import { customItemsSchema, embeddedUserSchema, timestampMsSchema } from "./common";
import { cloudRecordingSchema } from "./recordings";

export const liveEventStates = ["created", "ready", "ongoing", "ended"] as const;
export const liveEventStateSchema = z.enum(liveEventStates);
export type LiveEventState = z.infer<typeof liveEventStateSchema>;

export const liveEventTypes = ["live_event_for_video", "live_event_for_audio_only"] as const;
export const liveEventTypeSchema = z.enum(liveEventTypes);
export type LiveEventType = z.infer<typeof liveEventTypeSchema>;

export const hostStates = ["entered", "connected", "disconnected", "exited"] as const;
export const hostStateSchema = z.enum(hostStates);
export type HostState = z.infer<typeof hostStateSchema>;

/** A host session in a live event; media flags come as `is_*` (examples) or `has_*` (resource table). */
export const hostSchema = z.object({
  host_id: z.string(),
  live_event_id: z.string(),
  client_id: z.string(),
  state: z.string(),
  stream_type: z.string().optional(),
  entered_at: timestampMsSchema,
  connected_at: timestampMsSchema,
  disconnected_at: timestampMsSchema,
  exited_at: timestampMsSchema,
  duration: z.number().int(),
  is_audio_on: z.boolean().optional(),
  is_video_on: z.boolean().optional(),
  has_audio_on: z.boolean().optional(),
  has_video_on: z.boolean().optional(),
  user: embeddedUserSchema,
  /** RTMP ingest details, stream key included: a secret that must never reach a browser. */
  rtmp_stream: z
    .object({
      rtmp_stream_id: z.string(),
      rtmp_host_url: z.string(),
      stream_key: z.string(),
      created_at: z.number().int(),
    })
    .optional(),
});
export type Host = z.infer<typeof hostSchema>;

/** One entry of a participant into a live event (a new id each time). */
export const participantSchema = z.object({
  participant_id: z.string(),
  live_event_id: z.string(),
  client_id: z.string(),
  state: z.string(),
  entered_at: timestampMsSchema,
  exited_at: timestampMsSchema,
  duration: z.number().int(),
  user: embeddedUserSchema,
});
export type Participant = z.infer<typeof participantSchema>;

/** The live event resource; both API generations (`host` and `hosts`) may appear. */
export const liveEventSchema = z.object({
  live_event_id: z.string(),
  host_type: z.string().optional(),
  live_event_type: z.string().optional(),
  state: z.string(),
  created_at: z.number().int(),
  set_ready_at: timestampMsSchema,
  started_at: timestampMsSchema,
  ended_at: timestampMsSchema,
  is_host_streaming: z.boolean(),
  host: hostSchema.nullable().optional(),
  hosts: z.array(hostSchema).optional(),
  created_by: z.string(),
  set_ready_by: z.string(),
  started_by: z.string(),
  ended_by: z.string(),
  duration: z.number().int(),
  participant_count: z.number().int(),
  peak_participant_count: z.number().int(),
  cumulative_participant_count: z.number().int(),
  user_ids_for_host: z.array(z.string()),
  title: z.string().optional(),
  cover_url: z.string().optional(),
  custom_items: customItemsSchema.optional(),
  cloud_recordings: z.array(cloudRecordingSchema).optional(),
});
export type LiveEvent = z.infer<typeof liveEventSchema>;

export const liveEventEnvelopeSchema = z.object({ live_event: liveEventSchema });

/** Live pagination: opaque `prev`/`next` tokens, falsy at either end. */
const livePageTokens = { prev: z.string().nullable().optional(), next: z.string().nullable().optional() };

export const liveEventListSchema = z.object({ live_events: z.array(liveEventSchema), ...livePageTokens });
export type LiveEventList = z.infer<typeof liveEventListSchema>;

export const participantListSchema = z.object({ participants: z.array(participantSchema), ...livePageTokens });
export type ParticipantList = z.infer<typeof participantListSchema>;

/** `GET …/hosts` answers `host` (older generation) or `hosts` (newer); read either. */
export const hostsResponseSchema = z.object({
  host: hostSchema.nullable().optional(),
  hosts: z.array(hostSchema).optional(),
});
export type HostsResponse = z.infer<typeof hostsResponseSchema>;

export const liveEventCustomItemsSchema = z.object({
  custom_items: customItemsSchema,
  updated_keys: z.array(z.string()).optional(),
  deleted_keys: z.array(z.string()).optional(),
  updated_at: z.number().int().optional(),
});
