import { z } from "zod";

/** What the 2.x spec marks nullable reads as empty. */
const emptyIfNull = <T extends z.ZodType>(schema: T, empty: z.output<T>) => schema.nullable().transform((v) => v ?? empty);

/** A Chat user. `access_token` and `session_tokens` are credentials: never forward them. */
export const userSchema = z.object({
  user_id: z.string(),
  nickname: emptyIfNull(z.string(), ""),
  profile_url: z.string(),
  require_auth_for_profile_image: z.boolean().optional(),
  access_token: z.string().optional(),
  session_tokens: z.array(z.unknown()).optional(),
  has_ever_logged_in: z.boolean().optional(),
  is_active: z.boolean(),
  is_online: z.boolean(),
  last_seen_at: z.number().int(),
  discovery_keys: emptyIfNull(z.array(z.string()), []).optional(),
  preferred_languages: emptyIfNull(z.array(z.string()), []).optional(),
  locale: z.string().optional(),
  created_at: z.number().int(),
  metadata: emptyIfNull(z.record(z.string(), z.string()), {}),
  is_created: z.boolean().optional(),
  unread_message_count: z.number().int().optional(),
});
export type User = z.infer<typeof userSchema>;

export const userListSchema = z.object({
  users: z.array(userSchema),
  next: z.string().nullable().optional(),
});
export type UserList = z.infer<typeof userListSchema>;

export const sessionTokenSchema = z.object({
  token: z.string(),
  expires_at: z.number().int(),
});
export type SessionToken = z.infer<typeof sessionTokenSchema>;
