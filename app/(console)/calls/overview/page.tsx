import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { CallsNav } from "@/components/calls/calls-nav";
import { BarChart } from "@/components/charts/bar-chart";
import type { Series } from "@/components/charts/bar-chart";
import { Fetched, Loading, OverviewSection, read, shortDay } from "@/components/overview/overview-parts";
import { PageHeader } from "@/components/shell/page-header";
import { requirePermission } from "@/lib/auth/session";
import { endResultText } from "@/lib/calls/end-results";
import { callsOverview, notEnded } from "@/lib/calls/overview";
import type { BadShare, CallsOverview } from "@/lib/calls/overview";
import { databaseOrNull } from "@/lib/db/server";
import { utc } from "@/lib/format";
import { overviewDays, overviewReuseMs } from "@/lib/overview-window";
import { sendbird } from "@/lib/sendbird/server";
import { intro } from "@/components/shell/intros";

export const metadata: Metadata = { title: "Calls overview" };

/** Where the counts came from and how fresh each part is: days counted earlier and kept, and the calls read now. */
function freshness(o: CallsOverview): string {
  const reused = `reused for up to ${overviewReuseMs / 1000} s`;
  if (o.countedBefore === null) return `all ${o.readNow.toLocaleString("en")} calls read now (no database to keep counts), ${reused}`;
  const kept = o.countedBefore > o.windowStart ? `calls before ${utc(o.countedBefore, "minute")} UTC counted earlier and kept; ` : "";
  return `${kept}${o.readNow.toLocaleString("en")} started since read now, ${reused}`;
}

/**
 * One fill per end result, hues far apart (and apart in lightness, for colour-blind readers): the three
 * bad ends are red, purple and near-black. The numbers are also a table under the chart.
 */
const fills: Record<string, string> = {
  completed: "fill-emerald-600",
  canceled: "fill-slate-300",
  declined: "fill-yellow-300",
  no_answer: "fill-sky-400",
  connection_lost: "fill-red-600",
  timed_out: "fill-purple-700",
  late_answer: "fill-pink-300",
  unknown: "fill-neutral-900 dark:fill-neutral-100",
  [notEnded]: "fill-blue-700",
};

const seriesOf = (results: string[]): Series[] =>
  results.map((r) => ({ key: r, label: r === notEnded ? "not ended" : endResultText(r).dashboard, className: fills[r] ?? "fill-zinc-500" }));

const percent = (s: BadShare) => (s.share === null ? "—" : `${(s.share * 100).toFixed(1)} %`);

async function PerDay() {
  const result = await read(async () => callsOverview(sendbird(), await databaseOrNull()));
  if (!result.ok) return result.error;
  const o = result.data;
  return (
    <div className="space-y-3 rounded-xl border bg-card p-4 text-card-foreground shadow-sm">
      <BarChart
        title={`Direct calls per day by end result, last ${overviewDays} days`}
        bars={o.perDay.map((d) => ({ label: d.day, value: d.total, tick: shortDay(d.day), parts: d.byResult }))}
        series={seriesOf(o.results)}
        unit={{ one: "call", other: "calls" }}
        columns={["Day (UTC)", "All calls"]}
      />
      <Fetched at={o.fetchedAt} note={freshness(o)} />
    </div>
  );
}

async function BadEnds() {
  const result = await read(async () => callsOverview(sendbird(), await databaseOrNull()));
  if (!result.ok) return result.error;
  const { thisWeek, lastWeek } = result.data;
  const change =
    thisWeek.share === null || lastWeek.share === null
      ? "Not enough ended calls to compare."
      : thisWeek.share === lastWeek.share
        ? "The same share as the week before."
        : `${Math.abs((thisWeek.share - lastWeek.share) * 100).toFixed(1)} points ${thisWeek.share > lastWeek.share ? "worse" : "better"} than the week before.`;
  const tiles = [
    { label: "Last 7 days (UTC, today included)", s: thisWeek },
    { label: "The 7 days before", s: lastWeek },
  ];
  return (
    <div className="space-y-3">
      <dl className="grid gap-4 sm:grid-cols-2">
        {tiles.map(({ label, s }) => (
          <div key={label} className="rounded-xl border bg-card p-4 text-card-foreground shadow-sm">
            <dt className="text-sm text-muted-foreground">{label}</dt>
            <dd className="text-3xl font-semibold tabular-nums">{percent(s)}</dd>
            <dd className="text-xs text-muted-foreground">
              {s.bad.toLocaleString("en")} of {s.ended.toLocaleString("en")} ended calls ended badly
            </dd>
          </div>
        ))}
      </dl>
      <p className="text-sm">
        {change}
        <Link href="/calls?endResult=connection_lost&endResult=timed_out&endResult=unknown" className="block underline">
          List the calls that ended badly
        </Link>
      </p>
      <Fetched at={result.data.fetchedAt} note={freshness(result.data)} />
    </div>
  );
}

// GET /calls/overview — direct calls per day by end result over 30 days, and the share that ended badly, week on week.
export default async function CallsOverviewPage() {
  await requirePermission("data.read", "/calls/overview");
  return (
    <div className="space-y-6">
      <PageHeader title="Calls overview" {...intro("callsOverview")} />
      <CallsNav current="/calls/overview" />
      <OverviewSection
        id="calls-bad-share"
        title="Calls that ended badly"
        description="Dropped, timed out or interrupted for an unknown reason, as a share of the calls that ended, by when they started."
      >
        <Suspense fallback={<Loading what="the share of calls that ended badly" className="h-28 w-full rounded-xl" />}>
          <BadEnds />
        </Suspense>
      </OverviewSection>
      <OverviewSection id="calls-per-day" title="Calls per day" description={`The last ${overviewDays} days by UTC day the call started, today on the right.`}>
        <Suspense fallback={<Loading what="calls per day" className="h-64 w-full rounded-xl" />}>
          <PerDay />
        </Suspense>
      </OverviewSection>
    </div>
  );
}
