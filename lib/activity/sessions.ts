import "server-only";
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
