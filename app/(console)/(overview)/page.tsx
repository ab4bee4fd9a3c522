import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import type * as React from "react";
import { BarChart } from "@/components/charts/bar-chart";
import { ConnectionReportView } from "@/components/connection/connection-report";
import { ConnectionSkeleton } from "@/components/connection/connection-skeleton";
import { OnAirCards } from "@/components/live-events/on-air-cards";
import { Hydrated } from "@/components/queries/hydrated";
import { Fetched, Loading, OverviewSection, read, shortDay, source } from "@/components/overview/overview-parts";
import { PageHeader } from "@/components/shell/page-header";
import { requirePermission } from "@/lib/auth/session";
import { checkConnection } from "@/lib/connection";
import { databaseOrNull } from "@/lib/db/server";
import { sharedOnAir } from "@/lib/live-events/on-air";
import type { OnAir } from "@/lib/live-events/on-air";
import { overview } from "@/lib/live-events/overview";
import { overviewDays, overviewReuseMs } from "@/lib/overview-window";
import { onAirQuery } from "@/lib/queries/live-events";
import type { LiveEventState, Overview } from "@/lib/live-events/overview";
import { sendbird } from "@/lib/sendbird/server";
import { intro } from "@/components/shell/intros";

export const metadata: Metadata = { title: "Overview" };

async function OnAirNow() {
  const result = await read<OnAir>(async () => sharedOnAir(sendbird(), await databaseOrNull()));
  if (!result.ok) return result.error;
  const nothing = (
    <p className="text-sm text-muted-foreground">
      Nothing on air right now.{" "}
      <Link href="/live-events" className="font-medium text-foreground underline underline-offset-4">
        Browse all live events
      </Link>
    </p>
  );
  return (
    <Hydrated data={[[onAirQuery().queryKey, result.data]]}>
      <OnAirCards showWatching empty={nothing} />
    </Hydrated>
  );
}

const reused = `counts reused for up to ${overviewReuseMs / 1000} s`;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const tiles: { state: LiveEventState; label: string; scope: (o: Overview) => string }[] = [
  { state: "created", label: "Created", scope: () => "all, waiting to be set ready" },
  { state: "ready", label: "Ready", scope: () => "all, waiting to start" },
  { state: "ongoing", label: "On air", scope: () => "all, on air when fetched" },
  { state: "ended", label: "Ended", scope: (o) => `created in the last ${overviewDays} days (since ${day(o.windowStart)})` },
];

async function StateCounts() {
  const result = await read(() => overview(sendbird()));
  if (!result.ok) return result.error;
  const o = result.data;
  return (
    <div className="space-y-3">
      <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
        {tiles.map((t) => {
          const href = t.state === "ended" ? `/live-events?state=ended&createdFrom=${day(o.windowStart)}` : `/live-events?state=${t.state}`;
          return (
            <div key={t.state} className="rounded-xl border bg-card p-4 text-card-foreground shadow-sm">
              <dt className="text-sm text-muted-foreground">{t.label}</dt>
              <dd className="text-3xl font-semibold tabular-nums">
                <Link href={href} className="hover:underline" aria-label={`${t.label}: ${o.byState[t.state].toLocaleString("en")}, show them in the list`}>
                  {o.byState[t.state].toLocaleString("en")}
                </Link>
              </dd>
              <dd className="text-xs text-muted-foreground">{t.scope(o)}</dd>
            </div>
          );
        })}
      </dl>
      <Fetched at={o.fetchedAt} note={reused} />
    </div>
  );
}

async function CreatedPerDay() {
  const result = await read(() => overview(sendbird()));
  if (!result.ok) return result.error;
  const o = result.data;
  return (
    <div className="space-y-3 rounded-xl border bg-card p-4 text-card-foreground shadow-sm">
      <BarChart
        title={`Events created per day, last ${overviewDays} days`}
        bars={o.perDay.map((p) => ({ label: p.day, value: p.count, tick: shortDay(p.day) }))}
        unit={{ one: "event", other: "events" }}
        columns={["Day (UTC)", "Events created"]}
      />
      <Fetched at={o.fetchedAt} note={reused} />
    </div>
  );
}

async function Connection() {
  return <ConnectionReportView report={await checkConnection()} />;
}

// GET / — the overview: what is on air, live events by state and per day, and the connection check (reads only).
export default async function OverviewPage() {
  await requirePermission("data.read", "/");
  return (
    <div className="space-y-10">
      <PageHeader title="Overview" {...intro("overview")} />
      <OverviewSection id="overview-on-air" title="On air" description={`Every event on air, read from ${source()} again every 5 seconds.`}>
        <Suspense fallback={<Loading what="the events on air" className="h-40 w-full rounded-xl" />}>
          <OnAirNow />
        </Suspense>
      </OverviewSection>
      <OverviewSection
        id="overview-states"
        title="Live events by state"
        description={`Sendbird's list gives no totals, so these are counted by reading every page: every event not yet ended, and the ended events created in the last ${overviewDays} days.`}
      >
        <Suspense fallback={<Loading what="the counts by state" className="h-28 w-full rounded-xl" />}>
          <StateCounts />
        </Suspense>
      </OverviewSection>
      <OverviewSection id="overview-per-day" title="Events created per day" description={`The last ${overviewDays} days by UTC day, today on the right.`}>
        <Suspense fallback={<Loading what="events created per day" className="h-64 w-full rounded-xl" />}>
          <CreatedPerDay />
        </Suspense>
      </OverviewSection>
      <OverviewSection id="overview-connection" title="Connection" description="Whether Sendbird answers this console, and with which powers.">
        <Suspense fallback={<ConnectionSkeleton />}>
          <Connection />
        </Suspense>
      </OverviewSection>
    </div>
  );
}
