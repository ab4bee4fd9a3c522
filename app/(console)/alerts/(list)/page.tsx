import type { Metadata } from "next";
import Link from "next/link";
import { AlertsTable } from "@/components/alerts/alerts-table";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { loadAlertsPage } from "@/lib/alerts/listing";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { database } from "@/lib/db/server";
import { settings } from "@/lib/env";
import { utc } from "@/lib/format";

export const metadata: Metadata = { title: "Alerts" };

const recentDays = 7;

// GET /alerts — open alerts, then those resolved in the last week; acknowledge (operators and admins).
export default async function AlertsPage() {
  const user = await requirePermission("data.read", "/alerts");
  const { alerts, open, rulesOn, rules, readAt } = await loadAlertsPage(await database(), { days: recentDays });
  const interval = settings().sampleIntervalS;
  return (
    <div className="space-y-6">
      <PageHeader
        title="Alerts"
        description={
          <>
            {open === 0 ? "Nothing open." : `${open} open.`} {rulesOn} of {rules} rules on, judged{" "}
            {interval > 0 ? `after each audience sample (every ${interval} s)` : "every 30 s"}. Read from this console&apos;s database at {utc(readAt, "clock")}{" "}
            UTC.
          </>
        }
        actions={
          can(user.role, "alerts.manage") ? (
            <Button asChild variant="outline">
              <Link href="/alerts/setup">Rules and channels</Link>
            </Button>
          ) : undefined
        }
      />
      {alerts.length === 0 ? (
        <p className="rounded-md border border-dashed p-6 text-sm text-muted-foreground">
          No alert opened in the last {recentDays} days. When a rule finds something (a host off air, an audience crash), it shows here and in the rule&apos;s
          channels.
        </p>
      ) : (
        <AlertsTable alerts={alerts} canAcknowledge={can(user.role, "alerts.acknowledge")} now={readAt} />
      )}
    </div>
  );
}
