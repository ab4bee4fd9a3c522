import { CallsNav } from "@/components/calls/calls-nav";
import { FiltersSkeleton, PageHeaderSkeleton, ResultsSkeleton, RouteSkeleton } from "@/components/skeletons";
import { Skeleton } from "@/components/ui/skeleton";
import { introLine } from "@/components/shell/intros";

// /calls while it loads: header, the calls tabs, the filters, Export, then one page of calls.
export default function CallsLoading() {
  return (
    <RouteSkeleton what="calls">
      <PageHeaderSkeleton title="Calls" description={introLine("calls")} />
      <CallsNav current="/calls" />
      <FiltersSkeleton fields={1} checks={7} />
      <div className="flex justify-end">
        <Skeleton className="h-9 w-52" />
      </div>
      <ResultsSkeleton columns={["Caller", "Callee", "Kind", "Started (UTC)", "Duration", "End result"]} />
    </RouteSkeleton>
  );
}
