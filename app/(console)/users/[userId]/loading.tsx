import { FactsSkeleton, PageHeaderSkeleton, RouteSkeleton, SectionSkeleton } from "@/components/skeletons";
import { CaseFileTimelineSkeleton } from "@/components/page-skeletons";
import { Skeleton } from "@/components/ui/skeleton";

// /users/[userId] while it loads: the case file's profile, metadata, and the timeline with its filters.
export default function UserLoading() {
  return (
    <RouteSkeleton what="user">
      <PageHeaderSkeleton title="User" detail avatar badge back={{ href: "/users", label: "Users" }} />
      <SectionSkeleton title="Profile">
        <FactsSkeleton rows={["Status", "Online", "Created", "Has signed in", "Languages"]} className="gap-y-2" />
      </SectionSkeleton>
      <SectionSkeleton title="Metadata">
        <FactsSkeleton rows={3} />
      </SectionSkeleton>
      <SectionSkeleton title="Timeline" description>
        <div className="flex flex-wrap items-end gap-3">
          <Skeleton className="h-14 w-44" />
          <Skeleton className="h-14 w-44" />
          <Skeleton className="mb-2 h-5 w-96 max-w-full" />
          <Skeleton className="h-9 w-28" />
          <Skeleton className="h-9 w-16" />
        </div>
        <CaseFileTimelineSkeleton />
      </SectionSkeleton>
      <Skeleton className="h-4 w-96 max-w-full" />
    </RouteSkeleton>
  );
}
