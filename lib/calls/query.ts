import { z } from "zod";
import { isCarriable } from "@/lib/fields";
import type { ListCallsParams, UserCallsParams } from "@/lib/sendbird/resources/direct-calls";
import { listParam, listSearch, pageSizeParam, pageTokenParam, utcTimeParam, wholeNumberParam } from "@/lib/url-params";
import { endResultFilters } from "./end-results";

export const callRoles = ["caller", "callee"] as const;
export const timeScopes = ["before", "after"] as const;

const seconds = (what: string) => wholeNumberParam(`${what} is a whole number of seconds.`, 6);

/**
 * The direct-calls list's state in the URL. Sendbird offers two lists with different filters: every
 * call (end results, one point in time with a direction, a duration range) and one user's calls (end
 * results, their role, a time range). Naming a user picks the second; filters of the other list are
 * refused by name rather than ignored.
 */
export const callsQuerySchema = z
  .object({
    endResult: listParam(z.enum(endResultFilters, `Choose end results among: ${endResultFilters.join(", ")}.`), endResultFilters.length, "end results"),
    user: z
      .string()
      .trim()
      .max(80, "A user id is at most 80 characters.")
      // It goes into Sendbird's path: never a path step, never a NUL.
      .refine((v) => v !== "." && v !== "..", '"." and ".." are not user ids.')
      .refine(isCarriable, "A user id cannot hold a NUL or a broken character.")
      .optional()
      .transform((v) => v || undefined),
    role: z
      .enum(["", ...callRoles], "Choose caller or callee.")
      .optional()
      .transform((v) => v || undefined),
    /** Every call: started at or before (`before`) or at or after (`after`) this time. */
    at: utcTimeParam("start"),
    scope: z
      .enum(["", ...timeScopes], "Choose before or after.")
      .optional()
      .transform((v) => v || "before"),
    /** One user's calls: a time range. */
    from: utcTimeParam("start"),
    to: utcTimeParam("end"),
    minDuration: seconds("The shortest duration"),
    maxDuration: seconds("The longest duration"),
    limit: pageSizeParam,
    next: pageTokenParam,
  })
  .superRefine((q, ctx) => {
    const refuse = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (q.user === undefined) {
      if (q.role) refuse("role", "A role needs a user: name the user whose calls to list.");
      if (q.from !== undefined || q.to !== undefined)
        refuse(q.from !== undefined ? "from" : "to", "A time range needs a user; for every call, use “Started” before or after a time.");
    } else {
      if (q.at !== undefined) refuse("at", "With a user, use the time range (from, to) instead of one point in time.");
      if (q.minDuration !== undefined || q.maxDuration !== undefined) {
        refuse(
          q.minDuration !== undefined ? "minDuration" : "maxDuration",
          "Sendbird cannot filter one user's calls by duration; clear the user or the duration.",
        );
      }
    }
    if (q.from !== undefined && q.to !== undefined && q.from > q.to) refuse("to", "The end of the range is before its start.");
    if (q.minDuration !== undefined && q.maxDuration !== undefined && q.minDuration > q.maxDuration)
      refuse("maxDuration", "The longest duration is shorter than the shortest.");
  });

export type CallsQuery = z.infer<typeof callsQuerySchema>;

/** Which of Sendbird's two lists a query reads, with its parameters. */
export type CallsRequest = { list: "all"; params: ListCallsParams } | { list: "user"; params: UserCallsParams };

export function toCallsRequest(q: CallsQuery): CallsRequest {
  const endResults = q.endResult.length ? q.endResult : undefined;
  if (q.user !== undefined) {
    const role = q.role === "caller" ? "dc_caller" : q.role === "callee" ? "dc_callee" : undefined;
    return { list: "user", params: { userId: q.user, role, endResults, startedAfter: q.from, endedBefore: q.to, limit: q.limit, next: q.next } };
  }
  return {
    list: "all",
    params: {
      endResults,
      callTs: q.at,
      scope: q.at === undefined ? undefined : q.scope === "after" ? "next" : "prev",
      durationMinMs: q.minDuration === undefined ? undefined : q.minDuration * 1000,
      durationMaxMs: q.maxDuration === undefined ? undefined : q.maxDuration * 1000,
      limit: q.limit,
      next: q.next,
    },
  };
}

/** The URL search of a query's filters and page size (no page token), plus any extra parameters. */
export const callsSearch = (raw: Record<string, string | string[] | undefined>, extra: Record<string, string> = {}): string =>
  listSearch(["endResult", "user", "role", "at", "scope", "from", "to", "minDuration", "maxDuration", "limit"], raw, extra);
