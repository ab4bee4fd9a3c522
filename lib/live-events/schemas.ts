// Built on zod/mini: the create form checks its input in the browser before the action checks it again.
import * as z from "zod/mini";
import { pathIdSchema } from "@/lib/path-ids";
import "@/lib/zod-messages";

/** Live-event inputs with every limit of the spec, shared by the forms and the actions. */
export const liveEventIdSchema = pathIdSchema("event", 100);
export const titleSchema = z.string().check(z.trim(), z.maxLength(191, "A title is at most 191 characters."));
export const coverUrlSchema = z.string().check(
  z.trim(),
  z.maxLength(2048, "A cover URL is at most 2,048 characters."),
  z.refine((v) => v === "" || /^https?:\/\/\S+$/.test(v), "Use an http(s) URL, or leave it empty."),
);
const userIdSchema = z.string().check(z.trim(), z.minLength(1, "A user id cannot be empty."), z.maxLength(80, "A user id is at most 80 characters."));

/** Host candidates picked one by one (the create form), 1 to 10 distinct user ids. */
export const hostListSchema = z.pipe(
  z.array(userIdSchema).check(z.minLength(1, "Pick at least one host candidate."), z.maxLength(10, "At most 10 host candidates.")),
  z.transform((ids: string[]) => [...new Set(ids)]),
);

/** Host candidates typed as one comma- or space-separated list (the edit form). */
export const hostCandidatesSchema = z.pipe(
  z.pipe(
    z.string(),
    z.transform((v: string) => v.split(/[\s,]+/).filter(Boolean)),
  ),
  hostListSchema,
);

export const byEventSchema = z.strictObject({ liveEventId: liveEventIdSchema });
export const endEventSchema = z.strictObject({ liveEventId: liveEventIdSchema, confirmation: z.string().check(z.maxLength(200)) });
export const updateEventSchema = z.strictObject({
  liveEventId: liveEventIdSchema,
  title: titleSchema,
  coverUrl: coverUrlSchema,
  hostCandidates: hostCandidatesSchema,
});

export const createEventSchema = z.strictObject({
  title: titleSchema,
  coverUrl: coverUrlSchema,
  type: z.enum(["video", "audio"], "Choose video or audio-only."),
  hostCandidates: hostListSchema,
});

/** Copy to S3: AWS naming rules checked before anything is sent; the keys are never stored. */
export const copyRecordingSchema = z.strictObject({
  liveEventId: liveEventIdSchema,
  recordingId: pathIdSchema("recording", 100),
  bucket: z
    .string()
    .check(
      z.trim(),
      z.minLength(3, "A bucket name is 3 to 63 characters."),
      z.maxLength(63, "A bucket name is 3 to 63 characters."),
      z.regex(/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/, "Use lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit."),
    ),
  region: z
    .string()
    .check(z.trim(), z.regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, "Use an AWS region code such as us-east-1 or ap-northeast-2 (the application's own region).")),
  accessKey: z.string().check(z.trim(), z.regex(/^[A-Z0-9]{16,128}$/, "An AWS access key id is 16 to 128 uppercase letters and digits (e.g. AKIA…).")),
  secretKey: z.string().check(z.minLength(1, "Enter the secret access key."), z.maxLength(128, "A secret access key is at most 128 characters.")),
});
