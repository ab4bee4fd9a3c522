import "server-only";
import { z } from "zod";
import { eventsByTitle } from "@/lib/activity/titles";
import type { Database } from "@/lib/db";
import type { SendbirdClient } from "@/lib/sendbird/client";
import { callPath } from "@/lib/paths";
import { SendbirdNotFoundError } from "@/lib/sendbird/errors";
import { searchUsers } from "./search";
import type { UserMatch } from "./search";

export const jumpQuerySchema = z.object({ q: z.string().trim().min(1, "Type an id or a nickname.").max(100, "At most 100 characters.") }).strict();

export interface JumpResults {
  users: UserMatch[];
  /** The live event whose id is exactly the text, then the newest whose title contains it (from the activity index). */
  liveEvents: { id: string; title: string; state: string; by: "id" | "title" }[];
  /** The direct call whose id is exactly the text, if there is one, and its page. */
  call: { callId: string; caller: string | null; callee: string | null; startedAt: number | null; endResult: string | null; href: string } | null;
}

/** Null when Sendbird has no such thing; any other failure stands. */
const unlessMissing = <T>(read: Promise<T>): Promise<T | null> =>
  read.catch((err: unknown) => {
    if (err instanceof SendbirdNotFoundError) return null;
    throw err;
  });

/** Live events by title that "jump to" lists at most. */
const titleMatches = 5;

/** Events whose title contains the text, from the index; none without one, or when it cannot be read (the rest still answers). */
async function byTitle(db: Database | null, q: string) {
  if (db === null || q.length < 2) return [];
  try {
    return (await eventsByTitle(db, { title: q, limit: titleMatches })).events;
  } catch (err) {
    console.error(`showrunner: jump to could not read titles from the index: ${err instanceof Error ? err.message : String(err)}`);
    return [];
  }
}

/**
 * What "jump to" can open for a text: users by exact id or nickname prefix, live events by exact id or by
 * words of their title (the activity index), a direct call by exact id.
 */
export async function jump(client: SendbirdClient, db: Database | null, q: string): Promise<JumpResults> {
  const event = unlessMissing(client.liveEvents.retrieve(q)).then((e) => (e ? { id: e.id, title: e.title, state: e.state, by: "id" as const } : null));
  const call = unlessMissing(client.directCalls.retrieve(q)).then((c) => {
    if (!c) return null;
    return {
      callId: c.callId,
      caller: c.caller?.userId ?? null,
      callee: c.callee?.userId ?? null,
      startedAt: c.startedAt,
      endResult: c.endResult,
      href: callPath(c.callId),
    };
  });
  const [users, exact, titled, directCall] = await Promise.all([searchUsers(client, q.slice(0, 80)), event, byTitle(db, q), call]);
  const liveEvents = [
    ...(exact ? [exact] : []),
    ...titled.filter((e) => e.liveEventId !== exact?.id).map((e) => ({ id: e.liveEventId, title: e.title, state: e.state, by: "title" as const })),
  ];
  return { users, liveEvents, call: directCall };
}
