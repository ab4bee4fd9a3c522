import { z } from "zod";
import { customItemsSchema, embeddedUserSchema, timestampMsSchema } from "./common";
import { cloudRecordingSchema } from "./recordings";

export const endResults = ["completed", "canceled", "declined", "connection_lost", "no_answer", "timed_out", "unknown"] as const;
export const endResultSchema = z.enum(endResults);
export type EndResult = z.infer<typeof endResultSchema>;

export const callRoles = ["dc_caller", "dc_callee"] as const;
export const callRoleSchema = z.enum(callRoles);
export type CallRole = z.infer<typeof callRoleSchema>;

export const callParticipantSchema = embeddedUserSchema.extend({
  role: z.string().nullable().optional(),
});

/** A direct (1:1) call. */
export const directCallSchema = z.object({
  call_id: z.string(),
  call_type: z.string().optional(),
  is_video_call: z.boolean(),
  state: z.string().optional(),
  end_result: z.string().nullable().optional(),
  end_result_ex: z.string().nullable().optional(),
  user_role: z.string().optional(),
  participants: z.array(callParticipantSchema),
  started_by: z.string(),
  started_at: timestampMsSchema,
  ended_by: z.string().nullable().optional(),
  ended_at: timestampMsSchema,
  duration: z.number().int().nullable(),
  custom_items: customItemsSchema.optional(),
  cloud_recordings: z.array(cloudRecordingSchema).optional(),
});
export type DirectCall = z.infer<typeof directCallSchema>;

export const directCallListSchema = z.object({
  calls: z.array(directCallSchema),
  next: z.string().nullable().optional(),
  has_next: z.boolean(),
});
export type DirectCallList = z.infer<typeof directCallListSchema>;

/** `GET /direct_calls/{id}`: most likely `{ call }`; a bare call is accepted too. */
export const directCallEnvelopeSchema = z.object({ call: directCallSchema });

export const callCustomItemsUpdateSchema = z.object({
  call_id: z.string().optional(),
  custom_items: customItemsSchema,
  updated: z.array(z.string()).optional(),
  deleted: z.array(z.string()).optional(),
  affected_at: z.number().int().optional(),
});
