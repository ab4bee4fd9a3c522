import "server-only";
import { and, eq, isNull, notInArray, sql } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { activityEntries } from "@/lib/db/schema";
import type { HostDto, ParticipantDto } from "@/lib/sendbird/dto";

/** One host or participant session of a live event, as the index stores it. */
export interface ActivitySession {
  role: "host" | "participant";
  sessionId: string;
  userId: string;
  state: string;
  enteredAt: number | null;
  connectedAt: number | null;
  exitedAt: number | null;
  durationMs: number | null;
}

export function hostSession(h: HostDto): ActivitySession {
  return {
    role: "host",
    sessionId: h.hostId,
    userId: h.userId,
    state: h.state,
    enteredAt: h.enteredAt,
    connectedAt: h.connectedAt,
    exitedAt: h.exitedAt,
    durationMs: h.durationMs,
  };
}

export function participantSession(p: ParticipantDto): ActivitySession {
  return {
    role: "participant",
    sessionId: p.participantId,
    userId: p.userId,
    state: p.state,
    enteredAt: p.enteredAt,
    connectedAt: null,
    exitedAt: p.exitedAt,
    durationMs: p.durationMs,
  };
}

export const date = (ms: number | null | undefined) => (ms === null || ms === undefined || ms <= 0 ? null : new Date(ms));
/** A stored time as epoch milliseconds. */
export const msOf = (d: Date | null | undefined): number | null => (d ? d.getTime() : null);

export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** Upserts sessions of one event by role and session id: reading again only updates what changed. */
export async function upsertSessions(tx: Tx | Database, liveEventId: string, sessions: ActivitySession[], seenAt: Date): Promise<void> {
  for (let i = 0; i < sessions.length; i += 500) {
    const rows = sessions.slice(i, i + 500).map((s) => ({
      liveEventId,
      role: s.role,
      sessionId: s.sessionId,
      userId: s.userId,
      state: s.state,
      enteredAt: date(s.enteredAt),
      connectedAt: date(s.connectedAt),
      exitedAt: date(s.exitedAt),
      durationMs: s.durationMs,
      seenAt,
    }));
    await tx
      .insert(activityEntries)
      .values(rows)
      .onConflictDoUpdate({
        target: [activityEntries.liveEventId, activityEntries.role, activityEntries.sessionId],
        set: {
          userId: sql`excluded.user_id`,
          state: sql`excluded.state`,
          enteredAt: sql`excluded.entered_at`,
          connectedAt: sql`excluded.connected_at`,
          exitedAt: sql`excluded.exited_at`,
          durationMs: sql`excluded.duration_ms`,
          seenAt: sql`excluded.seen_at`,
        },
        // An event on air is read every pass, and most of its sessions have not changed: leave those rows be.
        setWhere: sql`(${activityEntries.userId}, ${activityEntries.state}, ${activityEntries.enteredAt}, ${activityEntries.connectedAt}, ${activityEntries.exitedAt}, ${activityEntries.durationMs})
          is distinct from (excluded.user_id, excluded.state, excluded.entered_at, excluded.connected_at, excluded.exited_at, excluded.duration_ms)`,
      });
  }
}

/**
 * Sendbird names only the hosts in an event now ("Retrieve a host", the event's `hosts`), none once it has
 * ended. A host session the index holds as still in, which Sendbird no longer names, has left: at the event's
 * end if it has ended (everyone is forced out then), else by the time of this read.
 */
export async function closeGoneHosts(tx: Tx | Database, liveEventId: string, present: string[], input: { endedAt: number | null; at: Date }): Promise<void> {
  const leftAt = input.endedAt !== null ? new Date(input.endedAt) : input.at;
  await tx
    .update(activityEntries)
    .set({
      state: "exited",
      exitedAt: leftAt,
      durationMs: sql`greatest(0, (extract(epoch from ${leftAt}::timestamptz - coalesce(${activityEntries.connectedAt}, ${activityEntries.enteredAt})) * 1000)::bigint)`,
      seenAt: input.at,
    })
    .where(
      and(
        eq(activityEntries.liveEventId, liveEventId),
        eq(activityEntries.role, "host"),
        isNull(activityEntries.exitedAt),
        present.length > 0 ? notInArray(activityEntries.sessionId, present) : undefined,
      ),
    );
}
