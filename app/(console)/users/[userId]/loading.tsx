import { FactsSkeleton, PageHeaderSkeleton, RouteSkeleton, SectionSkeleton } from "@/components/skeletons";
import { CaseFileTimelineSkeleton } from "@/components/page-skeletons";
import { Skeleton } from "@/components/ui/skeleton";

// /users/[userId] while it loads: the case file's profile line, the timeline with its window, summary and filters, then metadata.
export default function UserLoading() {
  return (
    <RouteSkeleton what="user">
      <PageHeaderSkeleton title="User" detail avatar badge back={{ href: "/users", label: "Users" }} />
      <div aria-hidden="true" className="flex flex-wrap gap-x-8 gap-y-2 text-sm">
        {["Status", "Last seen", "Created", "Has signed in", "Languages"].map((label) => (
          <div key={label} className="space-y-1">
            <p className="text-xs text-muted-foreground">{label}</p>
            <Skeleton className="h-5 w-28" />
          </div>
        ))}
      </div>
      <SectionSkeleton title="Timeline" description>
        <Skeleton className="h-9 w-96 max-w-full rounded-lg" />
        <div className="flex flex-wrap items-start gap-3">
          <Skeleton className="h-14 w-40" />
          <Skeleton className="h-14 w-52" />
          <Skeleton className="h-14 w-52" />
          <Skeleton className="mt-7 h-5 w-96 max-w-full" />
          <Skeleton className="mt-6 h-9 w-44" />
        </div>
        <CaseFileTimelineSkeleton />
      </SectionSkeleton>
      <SectionSkeleton title="Metadata">
        <FactsSkeleton rows={3} />
      </SectionSkeleton>
      <Skeleton className="h-4 w-96 max-w-full" />
    </RouteSkeleton>
  );
}
