import { ConnectionSkeleton } from "@/components/connection/connection-skeleton";
import { OverviewSection, source } from "@/components/overview/overview-parts";
import { PageHeaderSkeleton, RouteSkeleton } from "@/components/skeletons";
import { ChartSkeleton, OnAirSkeleton, TilesSkeleton } from "@/components/page-skeletons";
import { Skeleton } from "@/components/ui/skeleton";
import { overviewDays } from "@/lib/overview-window";
import { introLine } from "@/components/shell/intros";

// / while it loads: the overview's four sections, each shaped like what streams into it.
export default function OverviewLoading() {
  return (
    <RouteSkeleton what="the overview" className="space-y-10">
      <PageHeaderSkeleton title="Overview" description={introLine("overview")} />
      <OverviewSection id="overview-on-air-loading" title="On air" description={`Every event on air, read from ${source()} again every 5 seconds.`}>
        <OnAirSkeleton watching />
      </OverviewSection>
      <OverviewSection
        id="overview-states-loading"
        title="Live events by state"
        description={`Sendbird's list gives no totals, so these are counted by reading every page: every event not yet ended, and the ended events created in the last ${overviewDays} days.`}
      >
        <div className="space-y-3">
          <TilesSkeleton labels={["Created", "Ready", "On air", "Ended"]} className="grid-cols-2 md:grid-cols-4" />
          <Skeleton className="h-4 w-80 max-w-full" />
        </div>
      </OverviewSection>
      <OverviewSection
        id="overview-per-day-loading"
        title="Events created per day"
        description={`The last ${overviewDays} days by UTC day, today on the right.`}
      >
        <ChartSkeleton />
      </OverviewSection>
      <OverviewSection id="overview-connection-loading" title="Connection" description="Whether Sendbird answers this console, and with which powers.">
        <ConnectionSkeleton />
      </OverviewSection>
    </RouteSkeleton>
  );
}
