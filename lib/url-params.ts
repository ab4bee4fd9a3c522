// The zod pieces list pages share for reading their URL. Pure parsing, no secrets, so no "server-only":
// pages, route handlers and tests use them alike.
import { z } from "zod";
import { parseUtcInput } from "@/lib/format";
import { pageSizes } from "@/lib/page-sizes";

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

/** A URL value that may be repeated (`?state=a&state=b`) or comma-separated (`?state=a,b`). */
export const listParam = <T extends string>(item: z.ZodType<T, string>, max: number, what: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).flatMap((s) => s.split(/[\s,]+/)).filter(Boolean))
    .pipe(z.array(item).max(max, `At most ${max} ${what}.`));

/** A page token of a Sendbird list, as Sendbird spells them; empty is the first page. */
export const pageTokenParam = z
  .string()
  .max(1000, "Not a page of this list.")
  .regex(/^[\w\-.~=+/]*$/, "Not a page of this list.")
  .optional()
  .transform((v) => v || undefined);

/** A detail page's search: the page of its participants list. A token that cannot be one shows the first page. */
export const participantsPageSchema = z.object({ participants: pageTokenParam.catch(undefined) });

/** The URL search of a list page: the given filter keys in a fixed order (repeated keys kept), plus extra parameters. */
export function listSearch(keys: readonly string[], raw: Record<string, string | string[] | undefined>, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const key of keys) {
    const value = raw[key];
    for (const v of Array.isArray(value) ? value : value ? [value] : []) if (v) params.append(key, v);
  }
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : "";
}

/** A list's page size from the URL: one of `pageSizes`, 20 when absent. */
export const pageSizeParam = z
  .string()
  .optional()
  .transform((v) => (v ? Number(v) : 20))
  .refine((n) => (pageSizes as readonly number[]).includes(n), "Choose 10, 20, 50 or 100 per page.");
