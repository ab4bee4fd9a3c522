import type { Metadata } from "next";
import { Suspense } from "react";
import { ErrorState } from "@/components/errors/error-state";
import { RetryButton } from "@/components/errors/retry-button";
import { OnAirCards } from "@/components/live-events/on-air-cards";
import { Hydrated } from "@/components/queries/hydrated";
import { PageHeader } from "@/components/shell/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { requirePermission } from "@/lib/auth/session";
import { databaseOrNull } from "@/lib/db/server";
import { explain } from "@/lib/errors";
import { sharedOnAir } from "@/lib/live-events/on-air";
import type { OnAir } from "@/lib/live-events/on-air";
import { onAirQuery } from "@/lib/queries/live-events";
import { sendbird } from "@/lib/sendbird/server";
import { intro } from "@/components/shell/intros";

export const metadata: Metadata = { title: "On air" };

async function Cards() {
  let data: OnAir;
  try {
    data = await sharedOnAir(sendbird(), await databaseOrNull());
  } catch (err) {
    return <ErrorState explanation={explain(err)} action={<RetryButton />} />;
  }
  return (
    <Hydrated data={[[onAirQuery().queryKey, data]]}>
      <OnAirCards />
    </Hydrated>
  );
}

// GET /live-events/live — one card per event on air, refreshing every 5 seconds.
export default async function OnAirPage() {
  await requirePermission("data.read", "/live-events/live");
  return (
    <div className="space-y-6">
      <PageHeader title="On air" {...intro("onAir")} />
      <Suspense fallback={<Skeleton className="h-64 w-full" />}>
        <Cards />
      </Suspense>
    </div>
  );
}
