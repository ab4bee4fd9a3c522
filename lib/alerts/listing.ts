import "server-only";
import type { Database } from "@/lib/db";
import { listAlerts, listRules } from "./store";
import type { AlertRow } from "./store";

export interface AlertsPage {
  alerts: AlertRow[];
  open: number;
  rulesOn: number;
  rules: number;
  readAt: number;
}

/** What the alerts page shows: open alerts, then those resolved in the last `days`, and how many rules are on. */
export async function loadAlertsPage(db: Database, { days }: { days: number }): Promise<AlertsPage> {
  const readAt = Date.now();
  const [alerts, rules] = await Promise.all([listAlerts(db, { resolvedSince: readAt - days * 86_400_000 }), listRules(db)]);
  return { alerts, open: alerts.filter((a) => !a.resolvedAt).length, rulesOn: rules.filter((r) => r.enabled).length, rules: rules.length, readAt };
}
