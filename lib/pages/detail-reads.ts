import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { requestMeta } from "@/lib/api/request-meta";
import { requirePermission } from "@/lib/auth/session";
import { database } from "@/lib/db/server";
import { userPath } from "@/lib/paths";
import { sendbird } from "@/lib/sendbird/server";
import { openCaseFile } from "@/lib/users/case-file";

/*
 * The first read of each detail page, once per request: the layout above the page's skeleton awaits it to
 * answer 404 for an id Sendbird does not know (a status cannot change once the skeleton has streamed), the
 * browser title is made from it, and the page reads the same answer instead of asking Sendbird again.
 */

export const liveEventRead = cache((id: string) => sendbird().liveEvents.retrieveWithRaw(id));
export const callRead = cache((id: string) => sendbird().directCalls.retrieveWithRaw(id));
export const roomRead = cache((id: string) => sendbird().rooms.retrieveWithRaw(id));

/** A user's profile, read as their case file is opened: the opening is audited once per request, found or not. */
export const caseFileOpening = cache(async (userId: string) => {
  const viewer = await requirePermission("data.read", userPath(userId));
  const [db, h] = await Promise.all([database(), headers()]);
  return openCaseFile(sendbird(), db, viewer, userId, requestMeta(h));
});
