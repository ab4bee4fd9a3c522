import type { Metadata } from "next";
import { AutoRefresh } from "@/components/activity/auto-refresh";
import { SyncStatusPanel } from "@/components/activity/sync-status-panel";
import { PageHeader } from "@/components/shell/page-header";
import { syncStartProblem } from "@/lib/activity/start-state";
import { syncStatus } from "@/lib/activity/status";
import type { SyncStatus } from "@/lib/activity/status";
import { requirePermission } from "@/lib/auth/session";
import { database } from "@/lib/db/server";
import { settings } from "@/lib/env";

export const metadata: Metadata = { title: "Sync status" };

async function load(): Promise<{ status: SyncStatus; readAt: number }> {
  const readAt = Date.now();
  return { status: await syncStatus(await database(), settings(), readAt), readAt };
}

// GET /sync — the activity sync's Sync status panel: the pass under way, the last finished one, the last problem.
export default async function SyncPage() {
  await requirePermission("data.read", "/sync");
  const { status, readAt } = await load();
  return (
    <div className="space-y-6">
      <PageHeader
        title="Sync status"
        description="Sendbird cannot say which live events a user hosted or watched, so the console keeps an activity index for case files. This is its background sync, shared by every console instance on this database."
      />
      <SyncStatusPanel status={status} readAt={readAt} startProblem={syncStartProblem()} />
      <AutoRefresh everyMs={5000} />
    </div>
  );
}
