import { PageHeaderSkeleton, RouteSkeleton, TableSkeleton } from "@/components/skeletons";

// /alerts while it loads: the header, then the alerts table.
export default function AlertsLoading() {
  return (
    <RouteSkeleton what="the alerts">
      <PageHeaderSkeleton title="Alerts" />
      <TableSkeleton columns={["State", "Alert", "Opened (UTC)", "Lasted", ""]} rows={6} />
    </RouteSkeleton>
  );
}
