import { z } from "zod";
import { listParam, utcTimeParam } from "@/lib/url-params";

/** The kinds of entry a case file's timeline reads: events hosted and watched, direct calls, console staff's changes. */
export const caseFileKinds = ["hosted", "watched", "calls", "changes"] as const;

/** The case file's filters in the URL: a UTC time range and the kinds of entry (none chosen shows all). */
export const caseFileQuerySchema = z
  .object({
    from: utcTimeParam("start"),
    to: utcTimeParam("end"),
    kind: listParam(z.enum(caseFileKinds, "Choose hosted, watched, calls or changes."), caseFileKinds.length, "kinds"),
    /** The page shows the newest `shownEntries` unless asked for every entry read. */
    show: z.enum(["all"], 'Use "show=all" to list every entry, or leave it out.').optional(),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { path: ["to"], message: "The end of the range is before its start." });

export type CaseFileQuery = z.infer<typeof caseFileQuerySchema>;

/** How many timeline entries the case file lists unless asked for all (the support bundle always holds all). */
export const shownEntries = 200;
