import { FiltersSkeleton, PageHeaderSkeleton, ResultsSkeleton, RouteSkeleton } from "@/components/skeletons";
import { Skeleton } from "@/components/ui/skeleton";
import { introLine } from "@/components/shell/intros";

// /live-events while it loads: header with its buttons, the filters, saved views with Export, then one page of events.
export default function LiveEventsLoading() {
  return (
    <RouteSkeleton what="live events">
      <PageHeaderSkeleton title="Live events" description={introLine("liveEvents")} actions={1} />
      <FiltersSkeleton fields={2} checks={4} />
      <div className="flex flex-wrap items-start justify-between gap-4">
        <Skeleton className="h-6 w-64" />
        <Skeleton className="h-9 w-52" />
      </div>
      <ResultsSkeleton columns={["Title", "State", "Hosts", "Now / peak / total", "Created (UTC)", "Started", "Ended", "Duration"]} />
    </RouteSkeleton>
  );
}
