"use client";

import { PollStatus, usePolledQuery } from "@/components/queries/polled";
import { onAirRefreshMs } from "@/lib/queries/polling";
import { syncStatusQuery } from "@/lib/queries/sync";
import { SyncStatusPanel } from "./sync-status-panel";

/** The Sync status panel, read again every 5 seconds (pausable; not in a hidden tab). The page hands over the first reading. */
export function SyncStatusLive() {
  const polled = usePolledQuery(syncStatusQuery(), { everyMs: onAirRefreshMs });
  const view = polled.query.data;
  if (!view) return null;
  return (
    <div className="space-y-4">
      <PollStatus polled={polled} fetchedAt={view.fetchedAt} everyMs={onAirRefreshMs} what="refreshing" source="the database" />
      <SyncStatusPanel status={view.status} readAt={view.fetchedAt} startProblem={view.startProblem} />
    </div>
  );
}
