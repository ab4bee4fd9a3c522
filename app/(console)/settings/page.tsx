import type { Metadata } from "next";
import { AccountsTable } from "@/components/accounts/accounts-table";
import { CreateAccountDialog } from "@/components/accounts/create-account-dialog";
import { PageHeader } from "@/components/shell/page-header";
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
      <PageHeader
        title="Console accounts"
        description={
          <>
            {accounts.length} account{accounts.length === 1 ? "" : "s"}. People who may sign in to this console; not Sendbird users. Every change is in the
            audit trail.
          </>
        }
        actions={<CreateAccountDialog />}
      />
      <AccountsTable accounts={accounts} selfId={user.id} />
    </div>
  );
}
