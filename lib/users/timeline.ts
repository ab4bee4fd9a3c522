import "server-only";
import { userActivity } from "@/lib/activity/store";
import { listAudit } from "@/lib/audit/store";
import type { Database } from "@/lib/db";
import type { SendbirdClient } from "@/lib/sendbird/client";
import type { UserCallsParams } from "@/lib/sendbird/resources/direct-calls";
import type { CaseFileQuery } from "./timeline-query";

/** One line of a user's case file, newest first. */
export type TimelineEntry =
  | {
      kind: "call";
      at: number;
      callId: string;
      role: "caller" | "callee" | null;
      other: { userId: string; nickname: string } | null;
      isVideo: boolean;
      durationMs: number | null;
      endResult: string | null;
      endedBy: string | null;
    }
  | {
      kind: "change";
      at: number;
      id: number;
      action: string;
      /** What the change was about within the user, when the audit row names it: a metadata key. */
      subject: string | null;
      actorEmail: string;
      outcome: string;
      message: string;
    }
  | {
      /** A live event the user hosted (one host session) or watched (one participant session), from the activity index. */
      kind: "hosted" | "watched";
      at: number;
      liveEventId: string;
      sessionId: string;
      title: string;
      eventState: string;
      state: string;
      enteredAt: number | null;
      connectedAt: number | null;
      exitedAt: number | null;
      durationMs: number | null;
      /** When the index last read this session from Sendbird. */
      seenAt: number;
    };

export interface CaseFileTimeline {
  entries: TimelineEntry[];
  /** More calls matched than the case file reads at once. */
  callsTruncated: boolean;
  /** More hosted and watched sessions matched than the case file reads at once. */
  activityTruncated: boolean;
  fetchedAt: number;
}

/** The most calls one case file reads (5 pages of Sendbird's 100). */
export const maxCalls = 500;
/** The most hosted and watched sessions one case file reads from the index. */
export const maxSessions = 1000;
/** Console staff's changes about a user: every audited action on them except reading, exporting or refreshing the case file. */
const notAChange = ["user.view_case_file", "user.export_bundle", "user.refresh_activity"] as const;

/** One role's calls of a user, newest first, up to `maxCalls`; `oldest` is the start of the oldest one read. */
async function walkCalls(client: SendbirdClient, params: Omit<UserCallsParams, "limit" | "next">) {
  const calls: Extract<TimelineEntry, { kind: "call" }>[] = [];
  const role = params.role === "dc_caller" ? "caller" : "callee";
  for await (const c of client.directCalls.userCalls.all({ ...params, limit: 100 })) {
    if (calls.length === maxCalls) return { calls, truncated: true, oldest: calls[calls.length - 1]?.at ?? 0 };
    const other = role === "caller" ? c.callee : c.caller;
    calls.push({
      kind: "call",
      at: c.startedAt ?? c.endedAt ?? 0,
      callId: c.callId,
      role,
      other: other ? { userId: other.userId, nickname: other.nickname } : null,
      isVideo: c.isVideo,
      durationMs: c.durationMs,
      endResult: c.endResult,
      endedBy: c.endedBy,
    });
  }
  return { calls, truncated: false, oldest: 0 };
}

/**
 * The live events the user hosted and watched (from the activity index), their direct calls (from
 * Sendbird's per-user calls endpoint, within the time range) and what console staff changed about them
 * (from the audit trail), merged newest first. The three reads run at once.
 */
export async function caseFileTimeline(client: SendbirdClient, db: Database, userId: string, query: CaseFileQuery): Promise<CaseFileTimeline> {
  const wants = (kind: CaseFileQuery["kind"][number]) => query.kind.length === 0 || query.kind.includes(kind);
  const readCalls = async () => {
    if (!wants("calls")) return { calls: [] as TimelineEntry[], truncated: false };
    // The calls the user made and the calls they received are two walks of the per-user endpoint, read at
    // once: half the round trips of one walk through every page.
    const walks = await Promise.all(
      (["dc_caller", "dc_callee"] as const).map((role) => walkCalls(client, { userId, role, startedAfter: query.from, endedBefore: query.to })),
    );
    // A walk cut short knows nothing older than its oldest call, so the merge stops there too.
    const cutOff = Math.max(...walks.filter((w) => w.truncated).map((w) => w.oldest), -Infinity);
    const merged = walks
      .flatMap((w) => w.calls)
      .filter((c) => c.at >= cutOff)
      .sort((a, b) => b.at - a.at);
    return { calls: merged.slice(0, maxCalls), truncated: cutOff > -Infinity || merged.length > maxCalls };
  };
  const readChanges = async (): Promise<TimelineEntry[]> => {
    if (!wants("changes")) return [];
    const rows = await listAudit(db, {
      targetType: "user",
      targetId: userId,
      from: query.from === undefined ? undefined : new Date(query.from),
      to: query.to === undefined ? undefined : new Date(query.to),
      excludeActions: notAChange,
      limit: 500,
    });
    return rows.map((r) => ({
      kind: "change",
      at: r.at.getTime(),
      id: r.id,
      action: r.action,
      subject: typeof r.details.key === "string" ? r.details.key : null,
      actorEmail: r.actorEmail,
      outcome: r.outcome,
      message: r.message,
    }));
  };
  const readSessions = async () => {
    if (!wants("hosted") && !wants("watched")) return { sessions: [] as TimelineEntry[], truncated: false };
    const rows = await userActivity(db, { userId, from: query.from, to: query.to, limit: maxSessions + 1 });
    const sessions: TimelineEntry[] = rows
      .slice(0, maxSessions)
      .filter((r) => wants(r.role === "host" ? "hosted" : "watched"))
      .map((r) => ({
        kind: r.role === "host" ? "hosted" : "watched",
        at: r.enteredAt ?? r.seenAt,
        liveEventId: r.liveEventId,
        sessionId: r.sessionId,
        title: r.title,
        eventState: r.eventState,
        state: r.state,
        enteredAt: r.enteredAt,
        connectedAt: r.connectedAt,
        exitedAt: r.exitedAt,
        durationMs: r.durationMs,
        seenAt: r.seenAt,
      }));
    return { sessions, truncated: rows.length > maxSessions };
  };
  const [{ calls, truncated }, changes, activity] = await Promise.all([readCalls(), readChanges(), readSessions()]);
  return {
    entries: [...activity.sessions, ...calls, ...changes].sort((a, b) => b.at - a.at),
    callsTruncated: truncated,
    activityTruncated: activity.truncated,
    fetchedAt: Date.now(),
  };
}
