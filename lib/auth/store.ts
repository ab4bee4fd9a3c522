import "server-only";
import { and, desc, eq, gt, gte, lt, ne, sql } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { isSoleWriter } from "@/lib/db";
import { endedSessions, loginAttempts } from "@/lib/db/schema";
import { sourceOf } from "@/lib/net/forwarded";

// The sign-in side's tables: ended sessions (signed out before they expired) and sign-in attempts (the back-offs' counts).

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

/** The attempt an admin's password reset or an operator's unlock records to end a back-off: not a sign-in. */
const resetMarker = "admin-reset";

/** Records an attempt under the client's address block (an IPv6 /64 is one client), which the back-offs count by. */
export async function recordAttempt(db: Database, email: string, ip: string, succeeded: boolean, at = new Date(), throttled = false): Promise<void> {
  await db.insert(loginAttempts).values({ email, ip: sourceOf(ip), succeeded, throttled, at });
}

/** Lifts every back-off on an account (an admin reset the password, or an operator unlocked it): the counts restart. */
export async function clearLock(db: Database, email: string, at = new Date()): Promise<void> {
  await recordAttempt(db, email, resetMarker, true, at);
}

/** When the account's back-offs were last lifted, or null. */
export async function lastReset(db: Database, email: string): Promise<Date | null> {
  const [row] = await db
    .select({ at: loginAttempts.at })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), eq(loginAttempts.ip, resetMarker)))
    .orderBy(desc(loginAttempts.at))
    .limit(1);
  return row?.at ?? null;
}

/**
 * The account's attempts since a time, newest first, up to a limit; only failures when asked. Refused attempts
 * cost nothing to send, so they are left out here, in the query: a flood of them must not push the real
 * failures out of the rows read.
 */
export function attemptsOn(db: Database, email: string, since: Date, { limit, failuresOnly = false }: { limit: number; failuresOnly?: boolean }) {
  return db
    .select({ ip: loginAttempts.ip, succeeded: loginAttempts.succeeded, at: loginAttempts.at })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.email, email),
        eq(loginAttempts.throttled, false),
        gte(loginAttempts.at, since),
        failuresOnly ? eq(loginAttempts.succeeded, false) : undefined,
      ),
    )
    .orderBy(desc(loginAttempts.at), desc(loginAttempts.id))
    .limit(limit);
}

/** How many failures an address block made since a time, on any accounts, and the first of them. */
export async function failuresFrom(db: Database, ip: string, since: Date): Promise<{ n: number; first: Date | null }> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int`, first: sql<string | null>`min(${loginAttempts.at})` })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.succeeded, false), eq(loginAttempts.throttled, false), gte(loginAttempts.at, since)));
  return { n: row?.n ?? 0, first: row?.first ? new Date(row.first) : null };
}

/** Whether an address block signed in to the account since a time. */
export async function signedInFrom(db: Database, email: string, ip: string, since: Date): Promise<boolean> {
  const [row] = await db
    .select({ at: loginAttempts.at })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), eq(loginAttempts.ip, ip), eq(loginAttempts.succeeded, true), gte(loginAttempts.at, since)))
    .limit(1);
  return row !== undefined;
}

/** When each e-mail last signed in successfully, for the accounts page. */
export async function lastSignIns(db: Database): Promise<Map<string, Date>> {
  const rows = await db
    .select({ email: loginAttempts.email, at: sql<Date>`max(${loginAttempts.at})`.mapWith((v: string | Date) => new Date(v)) })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.succeeded, true), ne(loginAttempts.ip, resetMarker)))
    .groupBy(loginAttempts.email);
  return new Map(rows.map((r) => [r.email, r.at]));
}
