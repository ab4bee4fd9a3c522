import { z } from "zod";
import { isCarriable } from "@/lib/fields";
import { keyProblem, metadataLimits, valueProblem } from "@/lib/key-value-limits";
import { metadataRowsSchema } from "@/lib/key-values";

/** User inputs with every limit of the Chat API's spec, shared by the forms and the actions. */
export const userIdInputSchema = z
  .string()
  .trim()
  .min(1, "Enter a user id.")
  .max(80, "A user id is at most 80 characters.")
  .refine((v) => v !== "." && v !== "..", '"." and ".." are not user ids.')
  .refine(isCarriable, "A user id cannot hold a NUL or a broken character.");
const nicknameSchema = z.string().trim().max(80, "A nickname is at most 80 characters.");
const profileUrlSchema = z
  .string()
  .trim()
  .max(2048, "A profile URL is at most 2,048 characters.")
  .refine((v) => v === "" || /^https?:\/\/\S+$/.test(v), "Use an http(s) URL, or leave it empty.");

export const createUserSchema = z
  .object({
    userId: userIdInputSchema,
    nickname: nicknameSchema,
    profileUrl: profileUrlSchema,
    metadata: metadataRowsSchema,
  })
  .strict();

export const updateUserSchema = z.object({ userId: userIdInputSchema, nickname: nicknameSchema, profileUrl: profileUrlSchema }).strict();

/** A metadata key goes into Sendbird paths (`…/metadata/{key}`), so it must be a path segment too. */
const metadataKeySchema = z
  .string()
  .superRefine((key, ctx) => {
    const problem = keyProblem(key, metadataLimits);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .refine((k) => k.trim() !== "." && k.trim() !== "..", '"." and ".." cannot be metadata keys.')
  .refine(isCarriable, "A key cannot hold a NUL or a broken character.");
const metadataValueSchema = z.string().superRefine((value, ctx) => {
  const problem = valueProblem(value, metadataLimits);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

/** One metadata item to add or change: the key as the user typed it, trimmed. */
export const metadataItemSchema = z
  .object({ userId: userIdInputSchema, key: metadataKeySchema.transform((k) => k.trim()), value: metadataValueSchema })
  .strict();
export const metadataKeyInputSchema = z.object({ userId: userIdInputSchema, key: metadataKeySchema.transform((k) => k.trim()) }).strict();
export const byUserSchema = z.object({ userId: userIdInputSchema }).strict();
export const deactivateUserSchema = z.object({ userId: userIdInputSchema, leaveAllChannels: z.boolean() }).strict();
export const deleteUserSchema = z.object({ userId: userIdInputSchema, confirmation: z.string().max(200) }).strict();

/** Session-token lifetimes offered; Sendbird's default is 7 days. */
export const sessionTokenLifetimes = { "1h": 3_600_000, "1d": 86_400_000, "7d": 7 * 86_400_000, "30d": 30 * 86_400_000 } as const;
export const issueTokenSchema = z
  .object({ userId: userIdInputSchema, lifetime: z.enum(["1h", "1d", "7d", "30d"], "Choose how long the token lasts.") })
  .strict();
