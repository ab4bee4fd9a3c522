import { z } from "zod";
import { listParam, listSearch, pageSizeParam, pageTokenParam, utcTimeParam, wholeNumberParam } from "@/lib/url-params";
import type { ListLiveEventsParams } from "@/lib/sendbird/resources/live-events";

export const liveEventStates = ["created", "ready", "ongoing", "ended"] as const;

const sendbirdId = z.string().max(100, "An id is at most 100 characters.");

const count = wholeNumberParam("Use a whole number of participants.");

/**
 * The live-events list's state in the URL: every filter the list endpoint offers, the page size and the
 * page token. One definition for the page, its route handler and the export.
 */
export const liveEventsQuerySchema = z
  .object({
    /** Words the title contains: served from the console's activity index, as Sendbird's list cannot. */
    title: z
      .string()
      .trim()
      .max(191, "A title is at most 191 characters.")
      .optional()
      .transform((v) => v || undefined),
    state: listParam(z.enum(liveEventStates, "Choose created, ready, ongoing or ended."), 4, "states"),
    type: z
      .enum(["", "video", "audio"], "Choose video or audio-only.")
      .optional()
      .transform((v) => v || undefined),
    createdFrom: utcTimeParam("start"),
    createdTo: utcTimeParam("end"),
    startedFrom: utcTimeParam("start"),
    startedTo: utcTimeParam("end"),
    minParticipants: count,
    maxParticipants: count,
    ids: listParam(sendbirdId, 50, "event ids"),
    creators: listParam(sendbirdId, 50, "creator ids"),
    limit: pageSizeParam,
    next: pageTokenParam,
    prev: pageTokenParam,
  })
  .refine((q) => q.createdFrom === undefined || q.createdTo === undefined || q.createdFrom <= q.createdTo, {
    path: ["createdTo"],
    message: "The end of the range is before its start.",
  })
  .refine((q) => q.startedFrom === undefined || q.startedTo === undefined || q.startedFrom <= q.startedTo, {
    path: ["startedTo"],
    message: "The end of the range is before its start.",
  })
  .refine((q) => q.minParticipants === undefined || q.maxParticipants === undefined || q.minParticipants <= q.maxParticipants, {
    path: ["maxParticipants"],
    message: "The maximum is below the minimum.",
  });

export type LiveEventsQuery = z.infer<typeof liveEventsQuerySchema>;

/** The client's list parameters for a URL query. */
export function toListParams(q: LiveEventsQuery): ListLiveEventsParams {
  return {
    states: q.state.length ? q.state : undefined,
    types: q.type ? [q.type] : undefined,
    createdFrom: q.createdFrom,
    createdTo: q.createdTo,
    startedFrom: q.startedFrom,
    startedTo: q.startedTo,
    participantsMin: q.minParticipants,
    participantsMax: q.maxParticipants,
    ids: q.ids.length ? q.ids : undefined,
    createdBy: q.creators.length ? q.creators : undefined,
    limit: q.limit,
    next: q.next,
    prev: q.prev,
  };
}

/** The URL search of a query's filters and page size (no page token), plus any extra parameters. */
export const liveEventsSearch = (raw: Record<string, string | string[] | undefined>, extra: Record<string, string> = {}): string =>
  listSearch(
    ["title", "state", "type", "createdFrom", "createdTo", "startedFrom", "startedTo", "minParticipants", "maxParticipants", "ids", "creators", "limit"],
    raw,
    extra,
  );
