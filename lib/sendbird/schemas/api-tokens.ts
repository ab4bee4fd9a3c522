import { z } from "zod";

/** A secondary API token; `created_at` is in Unix seconds. */
export const apiTokenSchema = z.object({
  token: z.string(),
  created_at: z.number().int(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const apiTokenListSchema = z.object({ api_tokens: z.array(apiTokenSchema) });
