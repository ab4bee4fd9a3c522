import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { alertChannels, alertRules } from "@/lib/db/schema";

// Alert channels as the database keeps them. Reads for pages never select the sealed secret.

export type ChannelRow = typeof alertChannels.$inferSelect;

/** A channel as a page shows it: where it points (never its secret) and the secret's masked hint. */
export interface ChannelView {
  id: string;
  kind: string;
  name: string;
  /** Where messages go, in words: a webhook's address, an SMTP server and recipients; a Slack address is a secret and shows as its hint. */
  target: string;
  hint: string;
  config: Record<string, unknown>;
  updatedAt: number;
  updatedBy: string;
}

function targetOf(row: Pick<ChannelRow, "kind" | "config" | "hint">): string {
  const c = row.config;
  if (row.kind === "webhook") return String(c.url ?? "");
  if (row.kind === "email") {
    const to = Array.isArray(c.to) ? c.to.join(", ") : "";
    return `${to} via ${String(c.host ?? "")}:${String(c.port ?? "")}`;
  }
  return row.hint;
}

export async function listChannels(db: Database): Promise<ChannelView[]> {
  const rows = await db
    .select({
      id: alertChannels.id,
      kind: alertChannels.kind,
      name: alertChannels.name,
      config: alertChannels.config,
      hint: alertChannels.hint,
      updatedAt: alertChannels.updatedAt,
      updatedBy: alertChannels.updatedBy,
    })
    .from(alertChannels)
    .orderBy(alertChannels.name);
  return rows.map((r) => ({ ...r, target: targetOf(r), updatedAt: r.updatedAt.getTime() }));
}

export async function findChannel(db: Database, id: string): Promise<ChannelRow | null> {
  const [row] = await db.select().from(alertChannels).where(eq(alertChannels.id, id));
  return row ?? null;
}

/** Deletes a channel and takes it out of every rule that notified it. */
export async function deleteChannel(db: Database, id: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const removed = await tx.delete(alertChannels).where(eq(alertChannels.id, id)).returning({ id: alertChannels.id });
    if (removed.length === 0) return false;
    await tx
      .update(alertRules)
      .set({
        channelIds: sql`coalesce((select jsonb_agg(c) from jsonb_array_elements(${alertRules.channelIds}) c where c <> to_jsonb(${id}::text)), '[]'::jsonb)`,
      })
      .where(sql`${alertRules.channelIds} @> to_jsonb(array[${id}::text])`);
    return true;
  });
}
