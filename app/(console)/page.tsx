import type { Metadata } from "next";
import { Suspense } from "react";
import { ConnectionReportView } from "@/components/connection/connection-report";
import { ConnectionSkeleton } from "@/components/connection/connection-skeleton";
import { requirePermission } from "@/lib/auth/session";
import { checkConnection } from "@/lib/connection";

export const metadata: Metadata = { title: "Overview" };

async function Connection() {
  return <ConnectionReportView report={await checkConnection()} />;
}

// GET / — the connection check of the configured application (reads one item per host, changes nothing).
export default async function OverviewPage() {
  await requirePermission("data.read", "/");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Connection</h1>
        <p className="text-sm text-muted-foreground">Whether Sendbird answers this console, and with which powers.</p>
      </div>
      <Suspense fallback={<ConnectionSkeleton />}>
        <Connection />
      </Suspense>
    </div>
  );
}
