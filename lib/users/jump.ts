import "server-only";
import { z } from "zod";
import type { SendbirdClient } from "@/lib/sendbird/client";
import { callPath } from "@/lib/paths";
import { SendbirdNotFoundError } from "@/lib/sendbird/errors";
import { searchUsers } from "./search";
import type { UserMatch } from "./search";

export const jumpQuerySchema = z.object({ q: z.string().trim().min(1, "Type an id or a nickname.").max(100, "At most 100 characters.") }).strict();

export interface JumpResults {
  users: UserMatch[];
  /** The live event whose id is exactly the text, if there is one. */
  liveEvent: { id: string; title: string; state: string } | null;
  /** The direct call whose id is exactly the text, if there is one, and its page. */
  call: { callId: string; caller: string | null; callee: string | null; startedAt: number | null; endResult: string | null; href: string } | null;
}

/** Null when Sendbird has no such thing; any other failure stands. */
const unlessMissing = <T>(read: Promise<T>): Promise<T | null> =>
  read.catch((err: unknown) => {
    if (err instanceof SendbirdNotFoundError) return null;
    throw err;
  });

/** What "jump to" can open for a text: users by exact id or nickname prefix, a live event or a direct call by exact id. */
export async function jump(client: SendbirdClient, q: string): Promise<JumpResults> {
  const event = unlessMissing(client.liveEvents.retrieve(q)).then((e) => (e ? { id: e.id, title: e.title, state: e.state } : null));
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
  const [users, liveEvent, directCall] = await Promise.all([searchUsers(client, q.slice(0, 80)), event, call]);
  return { users, liveEvent, call: directCall };
}
