import "server-only";
import { lastSignIns } from "@/lib/auth/store";
import { accountPressure } from "@/lib/auth/throttle";
import type { Database } from "@/lib/db";
import { listAccounts } from "@/lib/accounts/store";
import type { AccountDto } from "@/lib/accounts/store";

export interface AccountListing extends AccountDto {
  lastSignIn: Date | null;
  /** Failed password attempts in the last hour (at most the hourly bound). */
  recentFailures: number;
  /** Until when addresses the account has not signed in from are held back, if the hourly bound is reached. */
  boundUntil: Date | null;
}

/** Every account with its last sign-in and how hard its password is being tried, for the accounts page and its route handler. */
export async function accountListing(db: Database): Promise<AccountListing[]> {
  const [accounts, signIns] = await Promise.all([listAccounts(db), lastSignIns(db)]);
  return Promise.all(
    accounts.map(async (a) => {
      const pressure = await accountPressure(db, a.email);
      return { ...a, lastSignIn: signIns.get(a.email) ?? null, recentFailures: pressure.failures, boundUntil: pressure.boundUntil };
    }),
  );
}
