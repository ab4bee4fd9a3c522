import { endResultText } from "@/lib/calls/end-results";
import type { TimelineEntry } from "./timeline";

type SessionEntry = Extract<TimelineEntry, { kind: "hosted" | "watched" }>;

/** Events hosted or watched in a window: how many events, how many sessions, and the minutes inside the window. */
export interface EventsSummary {
  events: number;
  sessions: number;
  minutes: number;
}

/** What a case file's window holds at a glance: the counts behind its timeline, and its newest entry. */
export interface CaseFileSummary {
  watched: EventsSummary;
  hosted: EventsSummary;
  /** Direct calls by end result, the ones that ended badly first, then by count. */
  calls: { endResult: string | null; label: string; bad: boolean; count: number }[];
  callCount: number;
  changes: { count: number; failed: number };
  latest: TimelineEntry | null;
}

/**
 * How long a session overlaps the window: from entering (or connecting, for a host) to leaving, or to when
 * the index last read it while it was still in; clipped to the window. Sendbird's own duration serves when
 * the times are not known.
 */
export function sessionMsIn(e: SessionEntry, window: { from?: number | undefined; to?: number | undefined }): number {
  const start = e.kind === "hosted" ? (e.connectedAt ?? e.enteredAt) : e.enteredAt;
  const end = e.exitedAt ?? (e.eventState === "ended" ? null : e.seenAt);
  if (start === null || end === null) return Math.max(0, e.durationMs ?? 0);
  const from = Math.max(start, window.from ?? -Infinity);
  const to = Math.min(end, window.to ?? Infinity);
  return Math.max(0, to - from);
}

function events(entries: SessionEntry[], window: { from?: number | undefined; to?: number | undefined }): EventsSummary {
  const ms = entries.reduce((sum, e) => sum + sessionMsIn(e, window), 0);
  return { events: new Set(entries.map((e) => e.liveEventId)).size, sessions: entries.length, minutes: Math.round(ms / 60_000) };
}

/** Sums up a case file's timeline entries (newest first) for the window they were read for. */
export function summarize(entries: TimelineEntry[], window: { from?: number | undefined; to?: number | undefined }): CaseFileSummary {
  const sessions = entries.filter((e): e is SessionEntry => e.kind === "hosted" || e.kind === "watched");
  const byResult = new Map<string | null, number>();
  let callCount = 0;
  const changes = { count: 0, failed: 0 };
  for (const e of entries) {
    if (e.kind === "call") {
      callCount++;
      byResult.set(e.endResult, (byResult.get(e.endResult) ?? 0) + 1);
    } else if (e.kind === "change") {
      changes.count++;
      if (e.outcome !== "success") changes.failed++;
    }
  }
  const calls = [...byResult]
    .map(([endResult, count]) => {
      const text = endResultText(endResult);
      return { endResult, label: text.dashboard === "—" ? "not ended" : text.dashboard, bad: text.bad, count };
    })
    .sort((a, b) => Number(b.bad) - Number(a.bad) || b.count - a.count || a.label.localeCompare(b.label));
  return {
    watched: events(
      sessions.filter((e) => e.kind === "watched"),
      window,
    ),
    hosted: events(
      sessions.filter((e) => e.kind === "hosted"),
      window,
    ),
    calls,
    callCount,
    changes,
    latest: entries[0] ?? null,
  };
}
