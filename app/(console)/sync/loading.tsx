import { FactsSkeleton, PageHeaderSkeleton, RouteSkeleton, SectionSkeleton } from "@/components/skeletons";
import { Skeleton } from "@/components/ui/skeleton";
import { introLine } from "@/components/shell/intros";

// /sync while it loads: the refresh line, the current pass with its progress, the last finished pass, the index.
export default function SyncLoading() {
  return (
    <RouteSkeleton what="the sync status">
      <PageHeaderSkeleton title="Sync status" description={introLine("sync")} />
      <div className="space-y-4">
        <div className="flex flex-wrap items-center gap-3">
          <Skeleton className="h-5 w-80 max-w-full" />
          <Skeleton className="h-8 w-32" />
        </div>
        <div className="space-y-6">
          <SectionSkeleton title="Current pass" description>
            <div className="space-y-1">
              <Skeleton className="h-5 w-80 max-w-full" />
              <Skeleton className="h-2 w-full" />
            </div>
            <FactsSkeleton rows={["Started", "Window starts", "Events", "Sessions recorded", "Running on", "Last progress"]} />
          </SectionSkeleton>
          <SectionSkeleton title="Last finished pass">
            <FactsSkeleton rows={["Finished", "Took", "Events", "Sessions recorded"]} />
          </SectionSkeleton>
          <SectionSkeleton title="Index">
            <FactsSkeleton rows={["Live events", "Host and participant sessions"]} />
          </SectionSkeleton>
          <Skeleton className="h-4 w-96 max-w-full" />
        </div>
      </div>
    </RouteSkeleton>
  );
}
