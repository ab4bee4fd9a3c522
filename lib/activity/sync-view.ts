import "server-only";
import type { Database } from "@/lib/db";
import type { Settings } from "@/lib/env";
import { syncStartProblem } from "./start-state";
import type { SyncStartProblem } from "./start-state";
import { syncStatus } from "./status";
import type { SyncStatus } from "./status";

/** What the Sync status page shows: the shared status, this instance's start problem, and when it was read. */
export interface SyncView {
  status: SyncStatus;
  startProblem: SyncStartProblem | null;
  fetchedAt: number;
}

/** Reads the Sync status page's data from the database (no Sendbird read). */
export async function syncView(db: Database, config: Settings): Promise<SyncView> {
  const fetchedAt = Date.now();
  return { status: await syncStatus(db, config, fetchedAt), startProblem: syncStartProblem(), fetchedAt };
}
