import type { Metadata } from "next";
import { Suspense } from "react";
import { TokensTable } from "@/components/tokens/tokens-table";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Skeleton } from "@/components/ui/skeleton";
import { requirePermission } from "@/lib/auth/session";
import { utc } from "@/lib/format";
import { tokenListing } from "@/lib/tokens/listing";

export const metadata: Metadata = { title: "API tokens" };

async function Tokens() {
  const listing = await tokenListing();
  const fetched = utc(listing.fetchedAt, "clock");
  return (
    <>
      <p className="text-sm text-muted-foreground">
        {listing.kind === "master" ? `${listing.slotsUsed} of ${listing.slots} slots used. ` : ""}
        Tokens show only their last four characters. Fetched from Sendbird at {fetched} UTC.
      </p>
      {listing.kind === "secondary" ? (
        <Alert>
          <AlertTitle>Token management needs the master token</AlertTitle>
          <AlertDescription>
            This console runs on a secondary token (ending in {listing.consoleLast4}). By Sendbird&apos;s rules only the master API token may list, generate or
            revoke secondary tokens, so this page cannot show them. Manage tokens from Sendbird&apos;s dashboard, or run a console on the master token.
          </AlertDescription>
        </Alert>
      ) : (
        <TokensTable tokens={listing.tokens} />
      )}
    </>
  );
}

// GET /tokens — the application's secondary API tokens, masked (admins); reads only.
export default async function TokensPage() {
  await requirePermission("tokens.manage", "/tokens");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Secondary API tokens</h1>
      <Suspense
        fallback={
          <div role="status">
            <span className="sr-only">Loading the tokens…</span>
            <Skeleton className="h-40 w-full" />
          </div>
        }
      >
        <Tokens />
      </Suspense>
    </div>
  );
}
