import { z } from "zod";

/** Unix milliseconds, or null until the moment has happened. */
export const timestampMsSchema = z.number().int().nullable();

/** Custom items: free string-to-string data attached to events, calls and rooms. */
export const customItemsSchema = z.record(z.string(), z.string());
export type CustomItems = z.infer<typeof customItemsSchema>;

/** The reduced user projection embedded in hosts, participants and calls. */
export const embeddedUserSchema = z.object({
  user_id: z.string(),
  nickname: z.string(),
  profile_url: z.string(),
  metadata: z.record(z.string(), z.string()).optional(),
  /** How the Calls SDK reads a call participant's metadata. */
  meta_data: z.record(z.string(), z.string()).optional(),
  is_active: z.boolean().optional(),
  role: z.string().nullable().optional(),
});
export type EmbeddedUser = z.infer<typeof embeddedUserSchema>;

/** An answer the console does not read (a delete's `{}`). */
export const noContentSchema = z.unknown();

/** Error body of the calls/live host; `error` is absent on its 429 bodies. */
export const callsErrorBodySchema = z.object({
  error: z.literal(true).optional(),
  code: z.number().int(),
  type: z.string().optional(),
  message: z.string(),
});

/** Error body of the chat host. */
export const chatErrorBodySchema = z.object({
  error: z.literal(true).optional(),
  code: z.number().int(),
  message: z.string(),
});
