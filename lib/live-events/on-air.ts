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

/** What the console's database adds to the cards: recent samples and open alerts. */
interface Kept {
  recent: Map<string, AudienceSample[]>;
  alerts: Map<string, OpenAlertBrief[]>;
}

/**
 * The recent samples (one read) and open alerts (one read) of the events shown; empty without a database or
 * when it cannot answer, which is logged once.
 */
async function keptFor(db: Database | null, ids: string[], since: number, until: number): Promise<Kept> {
  const none: Kept = { recent: new Map(), alerts: new Map() };
  if (!db || ids.length === 0) return none;
  try {
    const [recent, alerts] = await Promise.all([recentSamples(db, ids, { since, until }), openAlertBriefs(db, "live_event", ids)]);
    return { recent, alerts };
  } catch (err) {
    console.error(`showrunner: the audience samples and alerts of the events on air could not be read: ${err instanceof Error ? err.message : String(err)}`);
    return none;
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
  const { recent, alerts } = await keptFor(db, ids, since, fetchedAt);
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
