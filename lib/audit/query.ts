// No "server-only": pure parsing of the audit page's URL (the type import from ./index is erased).
import { z } from "zod";
import { outcomes } from "@/lib/audit/outcomes";
import { isCarriable } from "@/lib/fields";
import { utcTimeParam, wholeNumberParam } from "@/lib/url-params";
import type { AuditFilter } from "./store";

/** Rows per page on the audit page and its JSON twin. */
export const auditPageSize = 50;

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    // The database cannot search for a NUL, nor for half a character.
    .refine(isCarriable, "Remove the NUL or broken character.")
    .transform((v) => v || undefined)
    .optional();

const time = (edge: "start" | "end") => utcTimeParam(edge).transform((ms) => (ms === undefined ? undefined : new Date(ms)));
const rowId = wholeNumberParam("Not a page of this list.", 15);

/**
 * The audit page's state in the URL: filters (actor, action, target, outcome, time range) and the page
 * cursor. One definition, shared by the page, its JSON route handler and the CSV export.
 */
export const auditQuerySchema = z
  .object({
    actor: text(320),
    action: text(100),
    target: text(200),
    outcome: z
      .union([z.literal(""), z.enum(outcomes, "Choose success, failure, unknown or denied.")])
      .transform((v) => v || undefined)
      .optional(),
    from: time("start"),
    to: time("end"),
    before: rowId,
    after: rowId,
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], message: "The end of the range is before its start." });

export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** The database filter a URL query stands for. */
export function toFilter(q: AuditQuery): AuditFilter {
  return { actorContains: q.actor, action: q.action, targetContains: q.target, outcome: q.outcome, from: q.from, to: q.to, before: q.before, after: q.after };
}

/** The query string of a filter set (without the page cursor), for links and the export. */
export function filterSearch(q: AuditQuery, extra: Record<string, string | number> = {}): string {
  const params = new URLSearchParams();
  const put = (k: string, v: string | Date | undefined) => v && params.set(k, v instanceof Date ? v.toISOString() : v);
  put("actor", q.actor);
  put("action", q.action);
  put("target", q.target);
  put("outcome", q.outcome);
  put("from", q.from);
  put("to", q.to);
  for (const [k, v] of Object.entries(extra)) params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : "";
}
