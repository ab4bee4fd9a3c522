import { z } from "zod";
import type { ListRoomsParams } from "@/lib/sendbird/resources/rooms";
import { duration, utc } from "@/lib/format";
import { listSearch, pageSizeParam, pageTokenParam, utcTimeParam, wholeNumberParam } from "@/lib/url-params";

export const roomTypeValues = ["small_room_for_video", "large_room_for_audio_only"] as const;
export const roomStateValues = ["open", "deleted"] as const;

/** A room type in plain words. */
export function roomTypeText(type: string): string {
  return type === "small_room_for_video" ? "Small video room" : type === "large_room_for_audio_only" ? "Large audio-only room" : type;
}

/** Custom items people use to name a room, in the order a title is taken from them. */
const nameItems = ["name", "title", "room_name", "topic"];

/**
 * A room's title: Sendbird's rooms have no name, so a name kept in its custom items, else its type with when
 * and by whom it was made ("Small video room · 2026-12-01 14:02 UTC · by ada").
 */
export function roomTitle(room: { type: string; createdAt: number; createdBy: string; customItems?: Record<string, string> }): string {
  const named = nameItems.map((k) => room.customItems?.[k]?.trim()).find((v) => v);
  if (named) return named;
  return `${roomTypeText(room.type)} · ${utc(room.createdAt, "minute")} UTC${room.createdBy ? ` · by ${room.createdBy}` : ""}`;
}

/** How long a stay in a room may last before it is flagged: a group call this long has most likely lost its leaving. */
export const staleStayMs = 12 * 3_600_000;

/** How long someone stayed in a room, in words; a stay still open after `staleStayMs` is flagged as probably stale. */
export function stayText(p: { enteredAt: number | null; exitedAt: number | null; durationSeconds: number | null }, now: number): string {
  if (p.exitedAt === null) {
    if (p.enteredAt === null) return "—";
    const so = now - p.enteredAt;
    return so > staleStayMs ? `${duration(so)} so far: probably stale (Sendbird may have missed them leaving)` : `${duration(so)} so far`;
  }
  if (p.durationSeconds !== null) return duration(p.durationSeconds * 1000);
  return p.enteredAt !== null ? duration(p.exitedAt - p.enteredAt) : "—";
}

/** How many creators the list may be filtered by at once. */
export const maxCreators = 10;

const participants = (what: string) => wholeNumberParam(`${what} is a whole number of participants.`, 6);

/** The rooms list's state in the URL: every filter of Sendbird's `GET /rooms`, and the page tokens. */
export const roomsQuerySchema = z
  .object({
    type: z
      .enum(["", ...roomTypeValues], "Choose video or audio-only rooms.")
      .optional()
      .transform((v) => v || undefined),
    state: z
      .enum(["", ...roomStateValues], "Choose open or deleted rooms.")
      .optional()
      .transform((v) => v || undefined),
    from: utcTimeParam("start"),
    to: utcTimeParam("end"),
    minParticipants: participants("The fewest"),
    maxParticipants: participants("The most"),
    /** User ids, comma-separated or repeated; an id may hold spaces, so only commas split. */
    createdBy: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .transform((v) =>
        (v === undefined ? [] : Array.isArray(v) ? v : [v])
          .flatMap((s) => s.split(","))
          .map((s) => s.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().max(80, "A user id is at most 80 characters.")).max(maxCreators, `At most ${maxCreators} creators.`)),
    limit: pageSizeParam,
    next: pageTokenParam,
    prev: pageTokenParam,
  })
  .superRefine((q, ctx) => {
    const refuse = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (q.from !== undefined && q.to !== undefined && q.from > q.to) refuse("to", "The end of the range is before its start.");
    if (q.minParticipants !== undefined && q.maxParticipants !== undefined && q.minParticipants > q.maxParticipants)
      refuse("maxParticipants", "The most is fewer than the fewest.");
  });

export type RoomsQuery = z.infer<typeof roomsQuerySchema>;

export function toRoomsParams(q: RoomsQuery): ListRoomsParams {
  return {
    type: q.type,
    state: q.state,
    createdFrom: q.from,
    createdTo: q.to,
    participantsMin: q.minParticipants,
    participantsMax: q.maxParticipants,
    createdBy: q.createdBy.length ? q.createdBy : undefined,
    limit: q.limit,
    next: q.next,
    prev: q.prev,
  };
}

/** The URL search of a query's filters and page size (no page token), plus any extra parameters. */
export const roomsSearch = (raw: Record<string, string | string[] | undefined>, extra: Record<string, string> = {}): string =>
  listSearch(["type", "state", "from", "to", "minParticipants", "maxParticipants", "createdBy", "limit"], raw, extra);
