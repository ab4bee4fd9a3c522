// The zod pieces list pages share for reading their URL. Pure parsing, no secrets, so no "server-only":
// pages, route handlers and tests use them alike.
import { z } from "zod";
import { parseUtcInput } from "@/lib/format";

/**
 * A UTC time from the URL (`2026-11-25`, `2026-11-25T14:30` or a full ISO timestamp) as milliseconds; an
 * empty value is no filter. As the end of a range, a whole day includes all of that day.
 */
export function utcTimeParam(edge: "start" | "end") {
  return z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      const parsed = parseUtcInput(v);
      if (!parsed) {
        ctx.addIssue({ code: "custom", message: "Use a date like 2026-11-25 or 2026-11-25T14:30 (UTC)." });
        return z.NEVER;
      }
      return parsed.wholeDay && edge === "end" ? parsed.ms + 86_400_000 - 1 : parsed.ms;
    });
}

/** A whole number from the URL (`max` digits at most); an empty value is no filter. */
export function wholeNumberParam(message: string, digits = 9) {
  return z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      if (!new RegExp(`^\\d{1,${digits}}$`).test(v)) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return Number(v);
    });
}
