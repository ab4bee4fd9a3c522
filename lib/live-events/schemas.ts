import { z } from "zod";
import { pathIdSchema } from "@/lib/url-params";

/** Live-event inputs with every limit of the spec, shared by the forms and the actions. */
export const liveEventIdSchema = pathIdSchema("event", 100);
export const titleSchema = z.string().trim().max(191, "A title is at most 191 characters.");
export const coverUrlSchema = z
  .string()
  .trim()
  .max(2048, "A cover URL is at most 2,048 characters.")
  .refine((v) => v === "" || /^https?:\/\/\S+$/.test(v), "Use an http(s) URL, or leave it empty.");
const userIdSchema = z.string().trim().min(1, "A user id cannot be empty.").max(80, "A user id is at most 80 characters.");

/** Host candidates picked one by one (the create form), 1 to 10 distinct user ids. */
export const hostListSchema = z
  .array(userIdSchema)
  .min(1, "Pick at least one host candidate.")
  .max(10, "At most 10 host candidates.")
  .transform((ids) => [...new Set(ids)]);

/** Host candidates typed as one comma- or space-separated list (the edit form). */
export const hostCandidatesSchema = z
  .string()
  .transform((v) => v.split(/[\s,]+/).filter(Boolean))
  .pipe(hostListSchema);

export const byEventSchema = z.object({ liveEventId: liveEventIdSchema }).strict();
export const endEventSchema = z.object({ liveEventId: liveEventIdSchema, confirmation: z.string().max(200) }).strict();
export const updateEventSchema = z
  .object({ liveEventId: liveEventIdSchema, title: titleSchema, coverUrl: coverUrlSchema, hostCandidates: hostCandidatesSchema })
  .strict();

export const createEventSchema = z
  .object({
    title: titleSchema,
    coverUrl: coverUrlSchema,
    type: z.enum(["video", "audio"], "Choose video or audio-only."),
    hostCandidates: hostListSchema,
  })
  .strict();

/** Copy to S3: AWS naming rules checked before anything is sent; the keys are never stored. */
export const copyRecordingSchema = z
  .object({
    liveEventId: liveEventIdSchema,
    recordingId: pathIdSchema("recording", 100),
    bucket: z
      .string()
      .trim()
      .min(3, "A bucket name is 3 to 63 characters.")
      .max(63, "A bucket name is 3 to 63 characters.")
      .regex(/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/, "Use lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit."),
    region: z
      .string()
      .trim()
      .regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, "Use an AWS region code such as us-east-1 or ap-northeast-2 (the application's own region)."),
    accessKey: z
      .string()
      .trim()
      .regex(/^[A-Z0-9]{16,128}$/, "An AWS access key id is 16 to 128 uppercase letters and digits (e.g. AKIA…)."),
    secretKey: z.string().min(1, "Enter the secret access key.").max(128, "A secret access key is at most 128 characters."),
  })
  .strict();
