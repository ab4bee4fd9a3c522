import type { Metadata } from "next";
import { Suspense } from "react";
import { ErrorState } from "@/components/errors/error-state";
import { RetryButton } from "@/components/errors/retry-button";
import { PageHeader } from "@/components/shell/page-header";
import { Pending } from "@/components/skeletons";
import { TokensSkeleton } from "@/components/page-skeletons";
import { RotationPanel } from "@/components/tokens/rotation-panel";
import { GenerateTokenButton } from "@/components/tokens/token-actions";
import { TokensTable } from "@/components/tokens/tokens-table";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { requirePermission } from "@/lib/auth/session";
import { database } from "@/lib/db/server";
import { explain, settled } from "@/lib/errors";
import { utc } from "@/lib/format";
import { sendbird } from "@/lib/sendbird/server";
import { loadTokens } from "@/lib/tokens/listing";

export const metadata: Metadata = { title: "API tokens" };

async function Tokens() {
  const loaded = await settled(database().then((db) => loadTokens(sendbird(), db)));
  if (!loaded.ok) return <ErrorState explanation={explain(loaded.error)} action={<RetryButton />} />;
  const { listing, rotation, rows } = loaded.value;
  const fetched = utc(listing.fetchedAt, "clock");
  if (listing.kind === "secondary") {
    return (
      <Alert>
        <AlertTitle>Token management needs the master token</AlertTitle>
        <AlertDescription>
          This console runs on a secondary token (ending in {listing.consoleLast4}). By Sendbird&apos;s rules only the master API token may list, generate or
          revoke secondary tokens, so this page cannot show them. Manage tokens from Sendbird&apos;s dashboard, or run a console on the master token.
        </AlertDescription>
      </Alert>
    );
  }
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <p className="text-sm text-muted-foreground">
          {listing.slotsUsed} of {listing.slots} slots used. Tokens show only their last four characters. Fetched from Sendbird at {fetched} UTC.
        </p>
        <GenerateTokenButton slotsUsed={listing.slotsUsed} slots={listing.slots} />
      </div>
      {rotation && <RotationPanel rotation={rotation} />}
      <TokensTable tokens={rows} rotating={rotation !== null} />
    </div>
  );
}

// GET /tokens — the application's secondary API tokens, masked; generate, revoke and rotate them (admins).
export default async function TokensPage() {
  await requirePermission("tokens.manage", "/tokens");
  return (
    <div className="space-y-6">
      <PageHeader title="Secondary API tokens" />
      <Suspense
        fallback={
          <Pending what="the tokens">
            <TokensSkeleton />
          </Pending>
        }
      >
        <Tokens />
      </Suspense>
    </div>
  );
}
