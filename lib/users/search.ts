import "server-only";
import { z } from "zod";
import type { SendbirdClient } from "@/lib/sendbird/client";

/** What a user picker shows of a match: never a credential. */
export interface UserMatch {
  userId: string;
  nickname: string;
  profileUrl: string;
  isActive: boolean;
}

export const userSearchQuerySchema = z
  .object({ q: z.string().trim().min(1, "Type part of a nickname or a user id.").max(80, "At most 80 characters.") })
  .strict();

const maxMatches = 10;

/**
 * Users whose id is exactly `q` or whose nickname starts with it (Sendbird offers no substring search),
 * the exact id first, at most 10.
 */
export async function searchUsers(client: SendbirdClient, q: string): Promise<UserMatch[]> {
  const [exact, byNickname] = await Promise.all([
    client.users.list({ userIds: [q], limit: 1 }),
    client.users.list({ nicknameStartsWith: q, limit: maxMatches }),
  ]);
  const seen = new Set<string>();
  const matches: UserMatch[] = [];
  for (const u of [...exact.items, ...byNickname.items]) {
    if (seen.has(u.userId) || matches.length === maxMatches) continue;
    seen.add(u.userId);
    matches.push({ userId: u.userId, nickname: u.nickname, profileUrl: u.profileUrl, isActive: u.isActive });
  }
  return matches;
}
