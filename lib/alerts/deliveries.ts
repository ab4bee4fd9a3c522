import "server-only";
import { and, desc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { alertChannels, alertDeliveries } from "@/lib/db/schema";
import type { DestinationPolicy } from "@/lib/net/destinations";
import { sendMessage } from "./channels/send";
import type { SendResult } from "./channels/send";
import type { AlertMessage, DeliveryEvent } from "./message";

// The delivery queue: each message to each channel is a row, sent by whichever instance claims it first,
// retried with back-off when the receiver may recover, and kept as the channel's delivery log.

export type DeliveryRow = typeof alertDeliveries.$inferSelect;

/** Waits after each failed attempt: 10 s, 1 min, 5 min, 30 min; the fifth failure is final. */
export const retryDelaysMs = [10_000, 60_000, 300_000, 1_800_000] as const;
/** How long a claimed delivery is left to its instance before another may take it over (a crash mid-send). */
const claimMs = 60_000;

/** Queues one message for each of `channelIds` that still exists. */
export async function enqueueDeliveries(
  tx: Database,
  {
    alertId,
    channelIds,
    event,
    message,
    now,
    claimedUntil = null,
  }: { alertId: string | null; channelIds: string[]; event: DeliveryEvent; message: AlertMessage; now: number; claimedUntil?: Date | null },
): Promise<DeliveryRow[]> {
  if (channelIds.length === 0) return [];
  const channels = await tx.select({ id: alertChannels.id, name: alertChannels.name }).from(alertChannels).where(inArray(alertChannels.id, channelIds));
  if (channels.length === 0) return [];
  const at = new Date(now);
  return tx
    .insert(alertDeliveries)
    .values(channels.map((c) => ({ alertId, channelId: c.id, channelName: c.name, event, payload: message, nextAttemptAt: at, createdAt: at, claimedUntil })))
    .returning();
}

/** Claims up to `limit` deliveries that are due and not held by a live claim, for this instance to send. */
export async function claimDue(db: Database, now: number, limit = 20): Promise<DeliveryRow[]> {
  const at = new Date(now);
  const due = db
    .select({ id: alertDeliveries.id })
    .from(alertDeliveries)
    .where(
      and(
        eq(alertDeliveries.status, "pending"),
        lte(alertDeliveries.nextAttemptAt, at),
        or(isNull(alertDeliveries.claimedUntil), lte(alertDeliveries.claimedUntil, at)),
      ),
    )
    .orderBy(alertDeliveries.id)
    .limit(limit)
    .for("update", { skipLocked: true });
  return db
    .update(alertDeliveries)
    .set({ claimedUntil: new Date(now + claimMs) })
    .where(inArray(alertDeliveries.id, due))
    .returning();
}

/** Records one attempt: delivered, failed for good (a refusal, or the last try), or due again after the next back-off. */
export async function recordAttempt(db: Database, row: DeliveryRow, result: SendResult, now: number): Promise<DeliveryRow | null> {
  const attempts = row.attempts + 1;
  const at = new Date(now);
  const delay = retryDelaysMs[attempts - 1];
  const retry = !result.ok && result.retry && delay !== undefined && row.event !== "test";
  const [updated] = await db
    .update(alertDeliveries)
    .set({
      attempts,
      claimedUntil: null,
      lastStatus: result.status,
      lastError: result.ok ? null : result.error.slice(0, 500),
      status: result.ok ? "delivered" : retry ? "pending" : "failed",
      nextAttemptAt: retry ? new Date(now + delay) : row.nextAttemptAt,
      finishedAt: result.ok || !retry ? at : null,
    })
    .where(and(eq(alertDeliveries.id, row.id), eq(alertDeliveries.status, "pending")))
    .returning();
  return updated ?? null;
}

export interface DeliverOptions {
  db: Database;
  key: Buffer;
  policy: DestinationPolicy;
  now?: () => number;
  timeoutMs?: number;
}

/** Sends one claimed delivery and records how it went. */
export async function deliverOne(options: DeliverOptions, row: DeliveryRow): Promise<DeliveryRow | null> {
  const { db, now = Date.now } = options;
  const [channel] = await db.select().from(alertChannels).where(eq(alertChannels.id, row.channelId));
  const result: SendResult = channel
    ? await sendMessage(channel, row.payload, {
        key: options.key,
        policy: options.policy,
        deliveryId: row.id,
        createdAt: row.createdAt.getTime(),
        now,
        ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      })
    : { ok: false, retry: false, status: null, error: "The channel was deleted." };
  return recordAttempt(db, row, result, now());
}

/**
 * Sends every delivery that is due, all of a batch at once, so a slow or failing channel never holds up
 * another; returns how many were attempted.
 */
export async function deliverDue(options: DeliverOptions): Promise<number> {
  const now = options.now ?? Date.now;
  let attempted = 0;
  for (;;) {
    const batch = await claimDue(options.db, now());
    if (batch.length === 0) return attempted;
    attempted += batch.length;
    await Promise.all(batch.map((row) => deliverOne(options, row)));
  }
}

/** The newest deliveries, of one channel or all, for the delivery log. */
export async function recentDeliveries(db: Database, { channelId, limit = 50 }: { channelId?: string; limit?: number } = {}): Promise<DeliveryRow[]> {
  return db
    .select()
    .from(alertDeliveries)
    .where(channelId ? eq(alertDeliveries.channelId, channelId) : sql`true`)
    .orderBy(desc(alertDeliveries.id))
    .limit(limit);
}
