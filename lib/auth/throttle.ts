import "server-only";
import type { Database } from "@/lib/db";
import { sourceOf } from "@/lib/net/forwarded";
import { attemptsOn, failuresFrom, lastReset, signedInFrom } from "./store";

/** Failures an address may make against one account before it has to wait… */
export const freeFailures = 3;
/** …first this long, doubling with each further failure… */
export const firstBackoffMs = 30_000;
/** …up to this. */
export const maxBackoffMs = 15 * 60 * 1000;
/** ASVS 2.2.1's bound: no more failed guesses than this on one account in an hour, from all addresses together. */
export const accountFailuresPerHour = 100;
/** An address with this many failures in a minute, whatever the e-mails, waits out the minute. */
export const ipFailuresPerMinute = 20;
/** An address that signed in to the account within this long is its owner's: the hourly bound does not stop it. */
const knownSourceMs = 30 * 24 * 60 * 60 * 1000;
const hourMs = 60 * 60 * 1000;

export type Backoff = { until: Date; why: "source" | "account" | "address" } | null;

/** The wait after the n-th failure in a row: none for the first two, 30 s after the third, doubling to 15 minutes. */
export function backoffMs(failures: number): number {
  if (failures < freeFailures) return 0;
  return Math.min(maxBackoffMs, firstBackoffMs * 2 ** Math.min(failures - freeFailures, 20));
}

/**
 * Whether a password sign-in to `email` from `ip` has to wait, and until when. Three rules, all from the
 * recorded attempts (so they hold across instances), none of which stops the account's owner elsewhere:
 * - this address's failures on this account since its last success back it off exponentially;
 * - 100 failures on the account in an hour, from everywhere, stop every address that has not signed in to
 *   it in the last 30 days;
 * - 20 failures from this address in a minute, on any accounts, stop it for the rest of the minute.
 * Attempts refused while waiting are recorded but do not lengthen the wait. An unlock restarts the account's
 * counts (the per-address minute is the address's, not the account's). `ip` is the client's address block
 * (`sourceOf`): an IPv6 client holds a whole /64, so it counts as one.
 */
export async function backoffState(db: Database, email: string, address: string, now = new Date()): Promise<Backoff> {
  const ip = sourceOf(address);
  const since = new Date(Math.max(now.getTime() - hourMs, (await lastReset(db, email))?.getTime() ?? 0));
  const recent = await attemptsOn(db, email, since, { limit: 1000 });
  const failures = recent.filter((a) => !a.succeeded);

  const fromHere = recent.filter((a) => a.ip === ip);
  const lastSuccess = fromHere.findIndex((a) => a.succeeded);
  const streak = lastSuccess === -1 ? fromHere : fromHere.slice(0, lastSuccess);
  const lastFailure = streak[0]?.at;
  if (lastFailure) {
    const until = new Date(lastFailure.getTime() + backoffMs(streak.length));
    if (until > now) return { until, why: "source" };
  }

  if (failures.length >= accountFailuresPerHour && !(await signedInFrom(db, email, ip, new Date(now.getTime() - knownSourceMs)))) {
    // The wait ends when the oldest failure that keeps the count at the bound leaves the hour.
    const pivot = failures[accountFailuresPerHour - 1]?.at ?? now;
    return { until: new Date(pivot.getTime() + hourMs), why: "account" };
  }

  const fromAddress = await failuresFrom(db, ip, new Date(now.getTime() - 60_000));
  if (fromAddress.n >= ipFailuresPerMinute && fromAddress.first) {
    return { until: new Date(fromAddress.first.getTime() + 60_000), why: "address" };
  }
  return null;
}

/** Failed password attempts on an account in the last hour, and until when the hourly bound holds unknown addresses back. */
export async function accountPressure(db: Database, email: string, now = new Date()): Promise<{ failures: number; boundUntil: Date | null }> {
  const since = new Date(Math.max(now.getTime() - hourMs, (await lastReset(db, email))?.getTime() ?? 0));
  const failures = await attemptsOn(db, email, since, { limit: accountFailuresPerHour, failuresOnly: true });
  const pivot = failures.length >= accountFailuresPerHour ? failures[accountFailuresPerHour - 1]?.at : undefined;
  return { failures: failures.length, boundUntil: pivot ? new Date(pivot.getTime() + hourMs) : null };
}
