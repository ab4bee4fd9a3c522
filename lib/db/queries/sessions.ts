import "server-only";
import { eq, gt, lt } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { isSoleWriter } from "@/lib/db";
import { endedSessions } from "@/lib/db/schema";

/**
 * Ended session ids, per database this process alone writes (the embedded one): every ending passes
 * through here, so the set is complete once loaded and no request needs a query to check one. Held on
 * globalThis, as the database is (lib/db/server.ts), so route handlers and pages share one set even if
 * their bundles each load this module.
 */
const holder = globalThis as typeof globalThis & { showrunnerEndedSessions?: WeakMap<Database, Promise<Set<string>>> };
const known = (holder.showrunnerEndedSessions ??= new WeakMap());

function loaded(db: Database): Promise<Set<string>> {
  let set = known.get(db);
  if (!set) {
    set = db
      .select({ sid: endedSessions.sid })
      .from(endedSessions)
      .where(gt(endedSessions.expiresAt, new Date()))
      .then((rows) => new Set(rows.map((r) => r.sid)));
    known.set(db, set);
  }
  return set;
}

/** Records a session as ended until it would have expired anyway, and forgets endings that have. */
export async function endSession(db: Database, session: { sid: string; accountId: string; expiresAt: Date }): Promise<void> {
  await db.insert(endedSessions).values(session).onConflictDoNothing();
  await db.delete(endedSessions).where(lt(endedSessions.expiresAt, new Date()));
  // Whichever module instance loaded the set, it learns of this ending.
  (await known.get(db))?.add(session.sid);
}

export async function sessionEnded(db: Database, sid: string): Promise<boolean> {
  if (isSoleWriter(db)) return (await loaded(db)).has(sid);
  const [row] = await db.select({ sid: endedSessions.sid }).from(endedSessions).where(eq(endedSessions.sid, sid)).limit(1);
  return row !== undefined;
}
