import "server-only";
import { inArray } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { activityEvents } from "@/lib/db/schema";
import type { SendbirdClient } from "@/lib/sendbird/client";
import { callPath, isPathSegment, liveEventPath, userPath } from "@/lib/paths";

/** Where an audit row's target can be opened, and its name when the console knows it (an event's title, a user's nickname). */
export interface TargetLink {
  href: string;
  title: string | null;
}

const key = (type: string, id: string) => `${type}\u0000${id}`;

/** Users named in one lookup: Sendbird's list takes this many ids at most. */
const usersPerLookup = 100;
/** The audit trail is the console's own: names from Sendbird may add this much wait to it, and no more. */
const namesWaitMs = 1_500;

const noNames = new Map<string, string>();
/** `read`'s names, or none if it fails or takes longer than `namesWaitMs`. */
function names(read: Promise<Map<string, string>>): Promise<Map<string, string>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<Map<string, string>>((resolve) => {
    timer = setTimeout(() => resolve(noNames), namesWaitMs);
  });
  return Promise.race([read.catch(() => noNames), late]).finally(() => clearTimeout(timer));
}

/**
 * Links for the targets of some audit rows, by type and id: live events with their titles from the activity
 * index (no Sendbird read), users with their nicknames (one read of Sendbird's list for the page; without it,
 * the id stands; it waits at most `namesWaitMs`), calls, tokens and accounts to their pages. A name that
 * cannot be read leaves the link.
 */
export async function targetLinks(
  db: Database,
  client: SendbirdClient | null,
  rows: { targetType: string; targetId: string }[],
): Promise<Map<string, TargetLink>> {
  const ids = (type: string) => [...new Set(rows.filter((r) => r.targetType === type && r.targetId && isPathSegment(r.targetId)).map((r) => r.targetId))];
  const events = ids("live_event");
  const users = ids("user").slice(0, usersPerLookup);
  const [titles, nicknames] = await Promise.all([
    events.length
      ? db
          .select({ id: activityEvents.liveEventId, title: activityEvents.title })
          .from(activityEvents)
          .where(inArray(activityEvents.liveEventId, events))
          .then((found) => new Map(found.map((e) => [e.id, e.title])))
          .catch(() => new Map<string, string>())
      : new Map<string, string>(),
    users.length && client
      ? names(client.users.list({ userIds: users, limit: usersPerLookup }).then((page) => new Map(page.items.map((u) => [u.userId, u.nickname]))))
      : noNames,
  ]);
  const links = new Map<string, TargetLink>();
  for (const id of events) links.set(key("live_event", id), { href: liveEventPath(id), title: titles.get(id) || null });
  for (const id of ids("user")) links.set(key("user", id), { href: userPath(id), title: nicknames.get(id) || null });
  for (const id of ids("direct_call")) links.set(key("direct_call", id), { href: callPath(id), title: null });
  for (const r of rows) {
    if (r.targetType === "api_token" && r.targetId) links.set(key("api_token", r.targetId), { href: "/tokens", title: null });
    if (r.targetType === "account" && r.targetId) links.set(key("account", r.targetId), { href: "/settings", title: null });
  }
  return links;
}

/** The link of one row's target, if it has one. */
export const linkOf = (links: Map<string, TargetLink>, row: { targetType: string; targetId: string }) => links.get(key(row.targetType, row.targetId));
