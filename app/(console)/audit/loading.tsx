import { FiltersSkeleton, PageHeaderSkeleton, PagerSkeleton, RouteSkeleton, TableSkeleton } from "@/components/skeletons";

// /audit while it loads: header with Verify and Export, the filters, the audit table and its pager.
export default function AuditLoading() {
  return (
    <RouteSkeleton what="the audit trail">
      <PageHeaderSkeleton
        title="Audit trail"
        description="Every change, sign-in and sensitive read, append-only and hash-chained. Times are UTC."
        actions={2}
      />
      <FiltersSkeleton fields={6} wide />
      <TableSkeleton columns={["Time (UTC)", "Actor", "Action", "Target", "Outcome", "Details", "IP"]} />
      <PagerSkeleton note />
    </RouteSkeleton>
  );
}
