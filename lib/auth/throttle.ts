import "server-only";
import { and, desc, eq, gte, ne, sql } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { loginAttempts } from "@/lib/db/schema";

/** After this many failures in a row an account is locked… */
export const maxFailures = 5;
/** …for this long after the last of them. */
export const lockMs = 15 * 60 * 1000;
/** An IP with more failures than this in a minute is slowed down. */
export const ipFailuresPerMinute = 20;

export async function recordAttempt(db: Database, email: string, ip: string, succeeded: boolean, at = new Date()): Promise<void> {
  await db.insert(loginAttempts).values({ email, ip, succeeded, at });
}

/** Whether the account is locked now, and until when: 5 failures since its last success, the last within 15 minutes. */
export async function lockState(db: Database, email: string, now = new Date()): Promise<{ locked: boolean; until: Date | null }> {
  const recent = await db
    .select({ succeeded: loginAttempts.succeeded, at: loginAttempts.at })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), gte(loginAttempts.at, new Date(now.getTime() - lockMs))))
    .orderBy(desc(loginAttempts.at), desc(loginAttempts.id))
    .limit(maxFailures);
  const failures = recent.findIndex((a) => a.succeeded);
  const streak = failures === -1 ? recent.length : failures;
  if (streak < maxFailures) return { locked: false, until: null };
  const last = recent[0]?.at ?? now;
  return { locked: true, until: new Date(last.getTime() + lockMs) };
}

/** How long to hold a request from this IP before answering: grows with its failures over the last minute. */
export async function ipDelayMs(db: Database, ip: string, now = new Date()): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.succeeded, false), gte(loginAttempts.at, new Date(now.getTime() - 60_000))));
  const over = (row?.n ?? 0) - ipFailuresPerMinute;
  return over < 0 ? 0 : Math.min(10_000, 1000 * 2 ** Math.min(over, 4));
}

/** The attempt an admin's password reset records to end a lock; not a sign-in. */
const resetMarker = "admin-reset";

/** When each e-mail last signed in successfully, for the accounts page. */
export async function lastSignIns(db: Database): Promise<Map<string, Date>> {
  const rows = await db
    .select({ email: loginAttempts.email, at: sql<Date>`max(${loginAttempts.at})`.mapWith((v: string | Date) => new Date(v)) })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.succeeded, true), ne(loginAttempts.ip, resetMarker)))
    .groupBy(loginAttempts.email);
  return new Map(rows.map((r) => [r.email, r.at]));
}

/** Lifts a lock before it runs out (an admin reset the password): the failure streak restarts. */
export async function clearLock(db: Database, email: string, at = new Date()): Promise<void> {
  await recordAttempt(db, email, resetMarker, true, at);
}
