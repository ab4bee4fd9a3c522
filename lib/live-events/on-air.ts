import "server-only";
import { recentSamples } from "@/lib/activity/samples";
import type { AudienceSample } from "@/lib/activity/samples";
import type { Database } from "@/lib/db";
import type { SendbirdClient } from "@/lib/sendbird/client";
import { reuse } from "@/lib/reuse";
import { openAlertBriefs } from "@/lib/alerts/store";
import type { OpenAlertBrief } from "@/lib/alerts/store";
import { hostDropMs } from "./detail";
import { sharedReadMs } from "./live-parts";
import { sparkline, sparkWindowMs } from "./sparkline";
import type { Spark } from "./sparkline";

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
  /** The audience over the last 30 minutes, from the console's samples; null without enough of them. */
  spark: Spark | null;
  /** The event's open alerts, from the console's database. */
  alerts: OpenAlertBrief[];
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

/** The recent samples of the events shown, in one read; an empty map without a database or when it cannot answer. */
async function recentAudiences(db: Database | null, ids: string[], since: number, until: number): Promise<Map<string, AudienceSample[]>> {
  if (!db || ids.length === 0) return new Map();
  try {
    return await recentSamples(db, ids, { since, until });
  } catch (err) {
    console.error(`showrunner: the audience samples of the events on air could not be read: ${err instanceof Error ? err.message : String(err)}`);
    return new Map();
  }
}

/** The open alerts of the events shown, in one read; none without a database or when it cannot answer. */
async function openAlerts(db: Database | null, ids: string[]): Promise<Map<string, OpenAlertBrief[]>> {
  if (!db || ids.length === 0) return new Map();
  try {
    return await openAlertBriefs(db, "live_event", ids);
  } catch (err) {
    console.error(`showrunner: the open alerts of the events on air could not be read: ${err instanceof Error ? err.message : String(err)}`);
    return new Map();
  }
}

/**
 * Every event on air right now (up to 100), most watched first, with each host's drop flag, the total
 * audience and, from the console's own samples (one read of the database for every card), each event's
 * audience over the last 30 minutes ending with the count just read.
 */
export async function onAir(client: SendbirdClient, db: Database | null): Promise<OnAir> {
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
      spark: null,
      alerts: [],
    });
  }
  cards.sort((a, b) => b.participantCount - a.participantCount);
  const fetchedAt = Date.now();
  const since = fetchedAt - sparkWindowMs;
  const ids = cards.map((c) => c.id);
  const [recent, alerts] = await Promise.all([recentAudiences(db, ids, since, fetchedAt), openAlerts(db, ids)]);
  for (const c of cards) {
    const samples = recent.get(c.id) ?? [];
    const last = samples[samples.length - 1];
    // The count just read ends the line, as it is the number the card shows.
    const latest = last && last.at >= fetchedAt ? [] : [{ at: fetchedAt, participantCount: c.participantCount }];
    c.spark = sparkline([...samples, ...latest], { from: since, to: fetchedAt });
    c.alerts = alerts.get(c.id) ?? [];
  }
  return { cards, truncated, watching, fetchedAt };
}

/**
 * What is on air, read from Sendbird (and the sparklines from the database) at most once per refresh interval
 * on this instance, however many watch the board.
 */
export function sharedOnAir(client: SendbirdClient, db: Database | null): Promise<OnAir> {
  return reuse("live-events.on-air", () => onAir(client, db), { maxAgeMs: sharedReadMs, from: "window" });
}
