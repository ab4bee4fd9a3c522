import "server-only";
import { z } from "zod";
import type { RequestMeta } from "@/lib/actions/core";
import { syncStatus } from "@/lib/activity/status";
import { userActivity } from "@/lib/activity/store";
import type { SyncStatus } from "@/lib/activity/status";
import { appendAudit } from "@/lib/audit/store";
import type { SessionUser } from "@/lib/auth/session";
import type { Database } from "@/lib/db";
import { settings } from "@/lib/env";
import { settled } from "@/lib/errors";
import type { Settled } from "@/lib/errors";
import type { UserDto } from "@/lib/sendbird/dto";
import type { SendbirdClient } from "@/lib/sendbird/client";
import { SendbirdError } from "@/lib/sendbird/errors";
import { caseFileTimeline } from "./timeline";
import type { CaseFileTimeline } from "./timeline";
import type { CaseFileQuery } from "./timeline-query";

export const userIdSchema = z
  .string()
  .min(1, "A user id cannot be empty.")
  .max(80, "A user id is at most 80 characters.")
  .refine((v) => v !== "." && v !== "..", '"." and ".." are not user ids.');

/**
 * Reads a user's profile for their case file and records that `viewer` opened it (a sensitive read), with
 * the outcome: a user Sendbird does not know is recorded as a failure with its code.
 */
export async function openCaseFile(client: SendbirdClient, db: Database, viewer: SessionUser, userId: string, meta: RequestMeta): Promise<UserDto> {
  const row = { actorId: viewer.id, actorEmail: viewer.email, action: "user.view_case_file", targetType: "user", targetId: userId, ...meta };
  try {
    const user = await client.users.retrieve(userId);
    await appendAudit(db, { ...row, outcome: "success" });
    return user;
  } catch (err) {
    if (err instanceof SendbirdError) await appendAudit(db, { ...row, outcome: "failure", sendbirdCode: err.code, message: err.message.slice(0, 300) });
    throw err;
  }
}

/** The timeline section's data: its entries (Sendbird, the audit trail, the activity index) and how fresh the index is. */
export interface CaseFileTimelineReading {
  timeline: CaseFileTimeline;
  index: SyncStatus;
  /** The user's latest activity the index knows, whatever the window: where they were and until when (null: none indexed). */
  latestIndexed: IndexedActivity | null;
}

/** A hosted or watched session as the latest thing the activity index knows the user did. */
export interface IndexedActivity {
  role: "host" | "participant";
  liveEventId: string;
  title: string;
  /** When they left, or when the index last read them still in. */
  at: number;
  stillIn: boolean;
}

/** The newest activity among a user's most recent sessions: when each ended, or was last read still going. */
export async function latestIndexedActivity(db: Database, userId: string): Promise<IndexedActivity | null> {
  const rows = await userActivity(db, { userId, limit: 5 });
  let latest: IndexedActivity | null = null;
  for (const r of rows) {
    const stillIn = r.exitedAt === null && r.eventState !== "ended";
    const at = r.exitedAt ?? (stillIn ? r.seenAt : (r.enteredAt ?? r.seenAt));
    if (!latest || at > latest.at) latest = { role: r.role, liveEventId: r.liveEventId, title: r.title, at, stillIn };
  }
  return latest;
}

/**
 * A user's case file as its page shows it: the profile (its opening recorded, see `openCaseFile`) and when
 * Sendbird answered, and the timeline for `query` (none when the filters cannot be applied). The timeline's
 * reads start with the profile's instead of after it (`open`: a profile read already under way, the page's); their outcome, failure included, waits for its own section.
 */
export async function loadCaseFile(
  client: SendbirdClient,
  db: Database,
  viewer: SessionUser,
  userId: string,
  meta: RequestMeta,
  query: CaseFileQuery | null,
  open: () => Promise<UserDto> = () => openCaseFile(client, db, viewer, userId, meta),
): Promise<{ user: UserDto; fetchedAt: number; timeline: Promise<Settled<CaseFileTimelineReading>> | null }> {
  const reading = async (q: CaseFileQuery): Promise<CaseFileTimelineReading> => {
    const [timeline, index, latestIndexed] = await Promise.all([
      caseFileTimeline(client, db, userId, q),
      syncStatus(db, settings(), Date.now(), { withSize: false }),
      latestIndexedActivity(db, userId),
    ]);
    return { timeline, index, latestIndexed };
  };
  const timeline = query ? settled(reading(query)) : null;
  const user = await open();
  return { user, fetchedAt: Date.now(), timeline };
}
