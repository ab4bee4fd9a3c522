import "server-only";
import type { UserDto } from "@/lib/sendbird/dto";
import type { SendbirdClient } from "@/lib/sendbird/client";
import { toUserListParams } from "./query";
import type { UsersQuery } from "./query";

/** What a row of the users list shows, and nothing more goes to the browser. */
export type UserRow = Pick<UserDto, "userId" | "nickname" | "profileUrl" | "isActive" | "isOnline" | "lastSeenAt" | "createdAt">;

export interface UsersPage {
  rows: UserRow[];
  next: string | null;
  /** When Sendbird answered (ms since epoch). */
  fetchedAt: number;
}

/** One page of users for the list's URL query, straight from Sendbird's Chat API. */
export async function listUsers(client: SendbirdClient, query: UsersQuery): Promise<UsersPage> {
  const page = await client.users.list(toUserListParams(query));
  return {
    rows: page.items.map((u) => ({
      userId: u.userId,
      nickname: u.nickname,
      profileUrl: u.profileUrl,
      isActive: u.isActive,
      isOnline: u.isOnline,
      lastSeenAt: u.lastSeenAt,
      createdAt: u.createdAt,
    })),
    next: page.next,
    fetchedAt: Date.now(),
  };
}
