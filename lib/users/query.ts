import { z } from "zod";
import type { ListUsersParams } from "@/lib/sendbird/resources/users";
import { listParam, listSearch, pageSizeParam, pageTokenParam } from "@/lib/url-params";

export const userStatuses = ["active", "deactivated", "all"] as const;

const userId = z.string().max(80, "A user id is at most 80 characters.");
const text = (what: string) =>
  z
    .string()
    .trim()
    .max(80, `${what} is at most 80 characters.`)
    .optional()
    .transform((v) => v || undefined);

/**
 * The users list's state in the URL: every search the Chat API's user list offers, the page size and the
 * page token. One definition for the page and its route handler.
 */
export const usersQuerySchema = z
  .object({
    ids: listParam(userId, 100, "user ids"),
    nickname: text("A nickname"),
    nicknamePrefix: text("A nickname prefix"),
    metadataKey: text("A metadata key"),
    metadataValues: listParam(z.string().max(190, "A metadata value is at most 190 characters."), 100, "metadata values"),
    status: z
      .enum(["", ...userStatuses], "Choose active, deactivated or all.")
      .optional()
      .transform((v) => v || "active"),
    limit: pageSizeParam,
    next: pageTokenParam,
  })
  .refine((q) => q.metadataValues.length === 0 || q.metadataKey !== undefined, {
    path: ["metadataKey"],
    message: "Name the metadata key the values belong to.",
  })
  .refine((q) => q.metadataKey === undefined || q.metadataValues.length > 0, {
    path: ["metadataValues"],
    message: "Give at least one value for the metadata key.",
  });

export type UsersQuery = z.infer<typeof usersQuerySchema>;

const activeModes = { active: "activated", deactivated: "deactivated", all: "all" } as const;

/** The client's list parameters for a URL query. */
export function toUserListParams(q: UsersQuery): ListUsersParams {
  return {
    userIds: q.ids.length ? q.ids : undefined,
    nickname: q.nickname,
    nicknameStartsWith: q.nicknamePrefix,
    metadataKey: q.metadataKey,
    metadataValues: q.metadataValues.length ? q.metadataValues : undefined,
    activeMode: activeModes[q.status],
    limit: q.limit,
    next: q.next,
  };
}

/** The URL search of a query's filters and page size (no page token), plus any extra parameters. */
export const usersSearch = (raw: Record<string, string | string[] | undefined>, extra: Record<string, string> = {}): string =>
  listSearch(["ids", "nickname", "nicknamePrefix", "metadataKey", "metadataValues", "status", "limit"], raw, extra);
