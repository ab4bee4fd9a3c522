import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { tokenRotations, tokenUses } from "@/lib/db/schema";

/** A secondary token as the console may keep it: its last four characters and creation time (ms). */
export interface TokenRef {
  last4: string;
  createdAt: number;
}

/** How this console used a token it keeps a record of: only a rotation's check of a replacement today (its own token's use is kept in memory, `lastAnswered`). */
export type UseKind = "rotation_check";

/** Notes that this console used a token just now. */
export async function recordUse(db: Database, token: TokenRef, how: UseKind, at = Date.now()): Promise<void> {
  await db
    .insert(tokenUses)
    .values({ last4: token.last4, createdAt: new Date(token.createdAt), lastUsedAt: new Date(at), how })
    .onConflictDoUpdate({ target: [tokenUses.last4, tokenUses.createdAt], set: { lastUsedAt: new Date(at), how } });
}

/** When this console last used each token it knows, keyed `last4@createdAt`. */
export async function lastUses(db: Database): Promise<Map<string, { at: number; how: UseKind }>> {
  const rows = await db.select().from(tokenUses);
  return new Map(rows.map((r) => [refKey({ last4: r.last4, createdAt: r.createdAt.getTime() }), { at: r.lastUsedAt.getTime(), how: r.how as UseKind }]));
}

export const refKey = (t: TokenRef): string => `${t.last4}@${t.createdAt}`;

export interface Rotation {
  id: string;
  old: TokenRef;
  replacement: TokenRef;
  startedAt: number;
  startedBy: string;
  checkedAt: number | null;
}

const toRotation = (r: typeof tokenRotations.$inferSelect): Rotation => ({
  id: r.id,
  old: { last4: r.oldLast4, createdAt: r.oldCreatedAt.getTime() },
  replacement: { last4: r.newLast4, createdAt: r.newCreatedAt.getTime() },
  startedAt: r.startedAt.getTime(),
  startedBy: r.startedBy,
  checkedAt: r.checkedAt?.getTime() ?? null,
});

/** The rotation under way, if any (there is at most one). */
export async function currentRotation(db: Database): Promise<Rotation | null> {
  const [row] = await db.select().from(tokenRotations).where(isNull(tokenRotations.endedAt));
  return row ? toRotation(row) : null;
}

/** Records a new rotation; null when another is already under way (the database holds one at most). */
export async function insertRotation(db: Database, input: { old: TokenRef; replacement: TokenRef; startedBy: string }): Promise<Rotation | null> {
  const [row] = await db
    .insert(tokenRotations)
    .values({
      oldLast4: input.old.last4,
      oldCreatedAt: new Date(input.old.createdAt),
      newLast4: input.replacement.last4,
      newCreatedAt: new Date(input.replacement.createdAt),
      startedBy: input.startedBy,
    })
    .onConflictDoNothing()
    .returning();
  return row ? toRotation(row) : null;
}

export async function markChecked(db: Database, id: string, at = Date.now()): Promise<void> {
  await db
    .update(tokenRotations)
    .set({ checkedAt: new Date(at) })
    .where(and(eq(tokenRotations.id, id), isNull(tokenRotations.endedAt)));
}

/** Ends the rotation under way; false when it had already ended. */
export async function endRotation(db: Database, id: string, outcome: "done" | "abandoned", at = Date.now()): Promise<boolean> {
  const rows = await db
    .update(tokenRotations)
    .set({ endedAt: new Date(at), outcome })
    .where(and(eq(tokenRotations.id, id), isNull(tokenRotations.endedAt)))
    .returning({ id: tokenRotations.id });
  return rows.length > 0;
}
