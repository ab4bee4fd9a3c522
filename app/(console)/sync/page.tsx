import type { Metadata } from "next";
import { SyncStatusLive } from "@/components/activity/sync-status-live";
import { Hydrated } from "@/components/queries/hydrated";
import { PageHeader } from "@/components/shell/page-header";
import { syncView } from "@/lib/activity/sync-view";
import { requirePermission } from "@/lib/auth/session";
import { database } from "@/lib/db/server";
import { settings } from "@/lib/env";
import { syncStatusQuery } from "@/lib/queries/sync";
import { intro } from "@/components/shell/intros";

export const metadata: Metadata = { title: "Sync status" };

// GET /sync — the activity sync's Sync status panel: the pass under way, the last finished one, the last problem.
export default async function SyncPage() {
  await requirePermission("data.read", "/sync");
  const view = await syncView(await database(), settings());
  return (
    <div className="space-y-6">
      <PageHeader title="Sync status" {...intro("sync")} />
      <Hydrated data={[[syncStatusQuery().queryKey, view]]}>
        <SyncStatusLive />
      </Hydrated>
    </div>
  );
}
