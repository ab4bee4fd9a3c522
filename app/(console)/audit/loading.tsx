import { FiltersSkeleton, PageHeaderSkeleton, PagerSkeleton, RouteSkeleton, TableSkeleton } from "@/components/skeletons";
import { introLine } from "@/components/shell/intros";

// /audit while it loads: header with Verify and Export, the filters, the audit table and its pager.
export default function AuditLoading() {
  return (
    <RouteSkeleton what="the audit trail">
      <PageHeaderSkeleton title="Audit trail" description={introLine("audit")} actions={2} />
      <FiltersSkeleton fields={3} />
      <TableSkeleton columns={["Time (UTC)", "Actor", "Action", "Target", "Outcome", "Details", "IP"]} />
      <PagerSkeleton note />
    </RouteSkeleton>
  );
}
