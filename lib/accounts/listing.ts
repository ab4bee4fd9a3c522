import "server-only";
import { lastSignIns, lockState } from "@/lib/auth/throttle";
import type { Database } from "@/lib/db";
import { listAccounts } from "@/lib/db/queries/accounts";
import type { AccountDto } from "@/lib/db/queries/accounts";

export interface AccountListing extends AccountDto {
  lastSignIn: Date | null;
  lockedUntil: Date | null;
}

/** Every account with its last sign-in and any running lock, for the accounts page and its route handler. */
export async function accountListing(db: Database): Promise<AccountListing[]> {
  const [accounts, signIns] = await Promise.all([listAccounts(db), lastSignIns(db)]);
  return Promise.all(
    accounts.map(async (a) => {
      const lock = await lockState(db, a.email);
      return { ...a, lastSignIn: signIns.get(a.email) ?? null, lockedUntil: lock.locked ? lock.until : null };
    }),
  );
}
