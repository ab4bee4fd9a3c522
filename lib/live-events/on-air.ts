import "server-only";
import type { SendbirdClient } from "@/lib/sendbird/client";
import { reuse } from "@/lib/reuse";
import { hostDropMs } from "./detail";
import { sharedReadMs } from "./live-parts";

/** What an on-air card shows. */
export interface OnAirCard {
  id: string;
  title: string;
  type: "video" | "audio";
  startedAt: number | null;
  participantCount: number;
  peakParticipantCount: number;
  isHostStreaming: boolean;
  hosts: { userId: string; nickname: string; state: string; droppedMs: number | null }[];
}

export interface OnAir {
  cards: OnAirCard[];
  /** More events are on air than the page shows. */
  truncated: boolean;
  /** Participants watching right now: the sum over every event on air, shown or not. */
  watching: number;
  fetchedAt: number;
}

const maxCards = 100;

/** Every event on air right now (up to 100), most watched first, with each host's drop flag and the total audience. */
export async function onAir(client: SendbirdClient): Promise<OnAir> {
  const cards: OnAirCard[] = [];
  let truncated = false;
  let watching = 0;
  for await (const e of client.liveEvents.list.all({ states: ["ongoing"], limit: 100 })) {
    watching += e.participantCount;
    if (cards.length === maxCards) {
      truncated = true;
      continue;
    }
    const now = Date.now();
    cards.push({
      id: e.id,
      title: e.title,
      type: e.type,
      startedAt: e.startedAt,
      participantCount: e.participantCount,
      peakParticipantCount: e.peakParticipantCount,
      isHostStreaming: e.isHostStreaming,
      hosts: e.hosts.map((h) => ({ userId: h.userId, nickname: h.nickname, state: h.state, droppedMs: hostDropMs(h, e.state, now) })),
    });
  }
  cards.sort((a, b) => b.participantCount - a.participantCount);
  return { cards, truncated, watching, fetchedAt: Date.now() };
}

/** What is on air, read from Sendbird at most once per refresh interval on this instance, however many watch the board. */
export function sharedOnAir(client: SendbirdClient): Promise<OnAir> {
  return reuse("live-events.on-air", () => onAir(client), { maxAgeMs: sharedReadMs, from: "window" });
}
