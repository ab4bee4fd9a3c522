import { z } from "zod";

/** Live-event inputs with every limit of the spec, shared by the forms and the actions. */
export const liveEventIdSchema = z.string().trim().min(1, "Choose an event.").max(100, "An event id is at most 100 characters.");
export const titleSchema = z.string().trim().max(191, "A title is at most 191 characters.");
export const coverUrlSchema = z
  .string()
  .trim()
  .max(2048, "A cover URL is at most 2,048 characters.")
  .refine((v) => v === "" || /^https?:\/\/\S+$/.test(v), "Use an http(s) URL, or leave it empty.");
export const hostCandidatesSchema = z
  .string()
  .transform((v) => [...new Set(v.split(/[\s,]+/).filter(Boolean))])
  .pipe(
    z
      .array(z.string().max(80, "A user id is at most 80 characters."))
      .min(1, "Name at least one host candidate.")
      .max(10, "At most 10 host candidates."),
  );

export const byEventSchema = z.object({ liveEventId: liveEventIdSchema }).strict();
export const endEventSchema = z.object({ liveEventId: liveEventIdSchema, confirmation: z.string().max(200) }).strict();
export const updateEventSchema = z
  .object({ liveEventId: liveEventIdSchema, title: titleSchema, coverUrl: coverUrlSchema, hostCandidates: hostCandidatesSchema })
  .strict();
