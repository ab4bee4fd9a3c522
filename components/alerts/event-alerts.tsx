import "server-only";
import { openAlertBriefs } from "@/lib/alerts/store";
import { databaseOrNull } from "@/lib/db/server";
import { OpenAlertList } from "./open-alerts";

/** A live event's open alerts, read from the console's database; nothing when there are none or it cannot answer. */
export async function EventAlerts({ liveEventId, title }: { liveEventId: string; title: string }) {
  const db = await databaseOrNull();
  if (!db) return null;
  const briefs = await openAlertBriefs(db, "live_event", [liveEventId]).catch(() => new Map<string, never[]>());
  return <OpenAlertList alerts={briefs.get(liveEventId) ?? []} about={title} />;
}
