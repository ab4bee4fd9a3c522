import { CallsNav } from "@/components/calls/calls-nav";
import { FiltersSkeleton, PageHeaderSkeleton, ResultsSkeleton, RouteSkeleton } from "@/components/skeletons";
import { Skeleton } from "@/components/ui/skeleton";

// /calls while it loads: header, the calls tabs, the filters, Export, then one page of calls.
export default function CallsLoading() {
  return (
    <RouteSkeleton what="calls">
      <PageHeaderSkeleton title="Calls" description="Direct calls as Sendbird lists them, newest first. Name a user to list their calls as caller or callee." />
      <CallsNav current="/calls" />
      <FiltersSkeleton checks={7} fields={9} />
      <div className="flex justify-end">
        <Skeleton className="h-9 w-52" />
      </div>
      <ResultsSkeleton columns={["Caller", "Callee", "Kind", "Started (UTC)", "Duration", "End result"]} />
    </RouteSkeleton>
  );
}
