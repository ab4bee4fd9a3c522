import { z } from "zod";
import { listParam, utcTimeParam } from "@/lib/url-params";

/** The kinds of entry a case file's timeline reads: events hosted and watched, direct calls, console staff's changes. */
export const caseFileKinds = ["hosted", "watched", "calls", "changes"] as const;

/** The case file's preset windows, each ending now, and their length. */
export const caseFilePresets = { "1h": 3_600_000, "24h": 86_400_000, "7d": 7 * 86_400_000, "30d": 30 * 86_400_000 } as const;
export type CaseFilePreset = keyof typeof caseFilePresets;
const rangeValues = [...(Object.keys(caseFilePresets) as CaseFilePreset[]), "custom"] as const;

/**
 * The case file's filters in the URL: a window (a preset ending now, or a custom UTC range; neither is all the
 * time the sources hold) and the kinds of entry (none chosen shows all). `from` and `to` without `range` are a
 * custom range, so older addresses keep working; a preset with `from` or `to` is refused rather than guessed.
 * A preset resolves against the clock when the address is read, so one link always means "the last 24 hours".
 */
export const caseFileQuerySchema = z
  .object({
    range: z
      .enum([...rangeValues, ""], "Choose the last hour, 24 hours, 7 days, 30 days, or a custom range.")
      .optional()
      .transform((v) => v || undefined),
    from: utcTimeParam("start"),
    to: utcTimeParam("end"),
    kind: listParam(z.enum(caseFileKinds, "Choose hosted, watched, calls or changes."), caseFileKinds.length, "kinds"),
    /** The page shows the newest `shownEntries` unless asked for every entry read. */
    show: z.enum(["all"], 'Use "show=all" to list every entry, or leave it out.').optional(),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { path: ["to"], message: "The end of the range is before its start." })
  .refine((q) => q.range === undefined || q.range === "custom" || (q.from === undefined && q.to === undefined), {
    path: ["from"],
    message: 'A preset window ends now: choose "Custom range" to use From and To, or clear them.',
  })
  .transform((q): CaseFileQuery => {
    if (q.range !== undefined && q.range !== "custom") {
      const now = Date.now();
      return { ...q, range: q.range, from: now - caseFilePresets[q.range], to: now };
    }
    return { ...q, range: q.from === undefined && q.to === undefined ? undefined : ("custom" as const) };
  });

/** The case file's filters as read: the window in UTC milliseconds, the preset it came from if any. */
export interface CaseFileQuery {
  range?: CaseFilePreset | "custom" | undefined;
  from?: number | undefined;
  to?: number | undefined;
  kind: (typeof caseFileKinds)[number][];
  show?: "all" | undefined;
}

/** The URL keys of the case file's window and kinds, in the order links write them. */
export const caseFileKeys = ["range", "from", "to", "kind"] as const;

/** How many timeline entries the case file lists unless asked for all (the support bundle always holds all). */
export const shownEntries = 200;
