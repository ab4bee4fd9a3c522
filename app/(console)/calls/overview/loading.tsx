import { CallsNav } from "@/components/calls/calls-nav";
import { OverviewSection } from "@/components/overview/overview-parts";
import { LinesSkeleton, PageHeaderSkeleton, RouteSkeleton } from "@/components/skeletons";
import { ChartSkeleton, TilesSkeleton } from "@/components/page-skeletons";
import { overviewDays } from "@/lib/overview-window";
import { introLine } from "@/components/shell/intros";

// /calls/overview while it loads: the share of calls that ended badly, week on week, then calls per day.
export default function CallsOverviewLoading() {
  return (
    <RouteSkeleton what="the calls overview">
      <PageHeaderSkeleton title="Calls overview" description={introLine("callsOverview")} />
      <CallsNav current="/calls/overview" />
      <OverviewSection
        id="calls-bad-share-loading"
        title="Calls that ended badly"
        description="Dropped, timed out or interrupted for an unknown reason, as a share of the calls that ended, by when they started."
      >
        <div className="space-y-3">
          <TilesSkeleton labels={["Last 7 days (UTC, today included)", "The 7 days before"]} className="sm:grid-cols-2" />
          <LinesSkeleton lines={2} />
        </div>
      </OverviewSection>
      <OverviewSection
        id="calls-per-day-loading"
        title="Calls per day"
        description={`The last ${overviewDays} days by UTC day the call started, today on the right.`}
      >
        <ChartSkeleton />
      </OverviewSection>
    </RouteSkeleton>
  );
}
