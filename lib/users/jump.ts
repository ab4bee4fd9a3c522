import "server-only";
import { z } from "zod";
import type { SendbirdClient } from "@/lib/sendbird/client";
import { SendbirdNotFoundError } from "@/lib/sendbird/errors";
import { searchUsers } from "./search";
import type { UserMatch } from "./search";

export const jumpQuerySchema = z.object({ q: z.string().trim().min(1, "Type an id or a nickname.").max(100, "At most 100 characters.") }).strict();

export interface JumpResults {
  users: UserMatch[];
  /** The live event whose id is exactly the text, if there is one. */
  liveEvent: { id: string; title: string; state: string } | null;
}

/** What "jump to" can open for a text: users by exact id or nickname prefix, and a live event by exact id. */
export async function jump(client: SendbirdClient, q: string): Promise<JumpResults> {
  const event = client.liveEvents.retrieve(q).then(
    (e) => ({ id: e.id, title: e.title, state: e.state }),
    (err: unknown) => {
      if (err instanceof SendbirdNotFoundError) return null;
      throw err;
    },
  );
  const [users, liveEvent] = await Promise.all([searchUsers(client, q.slice(0, 80)), event]);
  return { users, liveEvent };
}
