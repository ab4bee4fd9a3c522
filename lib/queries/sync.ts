// The browser's read of the activity sync's status, beside the route handler app/api/sync that answers it.
import { queryOptions } from "@tanstack/react-query";
import type { SyncView } from "@/lib/activity/sync-view";
import { getJson } from "./fetch";

export const syncKeys = { status: () => ["sync", "status"] as const };

/** GET /api/sync */
export const syncStatusQuery = () => queryOptions({ queryKey: syncKeys.status(), queryFn: ({ signal }) => getJson<SyncView>("/api/sync", signal) });
