import type { Metadata } from "next";
import { AccountsTable } from "@/components/accounts/accounts-table";
import { CreateAccountDialog } from "@/components/accounts/create-account-dialog";
import { accountListing } from "@/lib/accounts/listing";
import { requirePermission } from "@/lib/auth/session";
import { database } from "@/lib/db/server";

export const metadata: Metadata = { title: "Settings · Accounts" };

// GET /settings — console accounts (admins): who can sign in, with which role; create and change them.
export default async function SettingsPage() {
  const user = await requirePermission("accounts.manage", "/settings");
  const accounts = await accountListing(await database());
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Console accounts</h1>
          <p className="text-sm text-muted-foreground">
            {accounts.length} account{accounts.length === 1 ? "" : "s"}. People who may sign in to this console; not Sendbird users. Every change is in the
            audit trail.
          </p>
        </div>
        <CreateAccountDialog />
      </div>
      <AccountsTable accounts={accounts} selfId={user.id} />
    </div>
  );
}
