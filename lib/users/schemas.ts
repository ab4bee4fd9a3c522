// Built on zod/mini: the create dialog checks its input in the browser before the action checks it again.
import * as z from "zod/mini";
import { isCarriable } from "@/lib/fields";
import { keyProblem, metadataLimits, valueProblem } from "@/lib/key-value-limits";
import { metadataRowsSchema } from "@/lib/key-values";
import "@/lib/zod-messages";

/** User inputs with every limit of the Chat API's spec, shared by the forms and the actions. */
export const userIdInputSchema = z.string().check(
  z.trim(),
  z.minLength(1, "Enter a user id."),
  z.maxLength(80, "A user id is at most 80 characters."),
  z.refine((v) => v !== "." && v !== "..", '"." and ".." are not user ids.'),
  z.refine(isCarriable, "A user id cannot hold a NUL or a broken character."),
);
const nicknameSchema = z.string().check(z.trim(), z.maxLength(80, "A nickname is at most 80 characters."));
const profileUrlSchema = z.string().check(
  z.trim(),
  z.maxLength(2048, "A profile URL is at most 2,048 characters."),
  z.refine((v) => v === "" || /^https?:\/\/\S+$/.test(v), "Use an http(s) URL, or leave it empty."),
);

export const createUserSchema = z.strictObject({
  userId: userIdInputSchema,
  nickname: nicknameSchema,
  profileUrl: profileUrlSchema,
  metadata: metadataRowsSchema,
});

export const updateUserSchema = z.strictObject({ userId: userIdInputSchema, nickname: nicknameSchema, profileUrl: profileUrlSchema });

/** A metadata key goes into Sendbird paths (`…/metadata/{key}`), so it must be a path segment too. */
const metadataKeySchema = z.string().check(
  z.superRefine((key: string, ctx) => {
    const problem = keyProblem(key, metadataLimits);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }),
  z.refine((k) => k.trim() !== "." && k.trim() !== "..", '"." and ".." cannot be metadata keys.'),
  z.refine(isCarriable, "A key cannot hold a NUL or a broken character."),
);
const metadataValueSchema = z.string().check(
  z.superRefine((value: string, ctx) => {
    const problem = valueProblem(value, metadataLimits);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }),
);
const trimmedMetadataKeySchema = z.pipe(
  metadataKeySchema,
  z.transform((k: string) => k.trim()),
);

/** One metadata item to add or change: the key as the user typed it, trimmed. */
export const metadataItemSchema = z.strictObject({ userId: userIdInputSchema, key: trimmedMetadataKeySchema, value: metadataValueSchema });
export const metadataKeyInputSchema = z.strictObject({ userId: userIdInputSchema, key: trimmedMetadataKeySchema });
export const byUserSchema = z.strictObject({ userId: userIdInputSchema });
export const deactivateUserSchema = z.strictObject({ userId: userIdInputSchema, leaveAllChannels: z.boolean() });
export const deleteUserSchema = z.strictObject({ userId: userIdInputSchema, confirmation: z.string().check(z.maxLength(200)) });

/** Session-token lifetimes offered; Sendbird's default is 7 days. */
export const sessionTokenLifetimes = { "1h": 3_600_000, "1d": 86_400_000, "7d": 7 * 86_400_000, "30d": 30 * 86_400_000 } as const;
export const issueTokenSchema = z.strictObject({ userId: userIdInputSchema, lifetime: z.enum(["1h", "1d", "7d", "30d"], "Choose how long the token lasts.") });
