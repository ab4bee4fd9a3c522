import { PageHeaderSkeleton, RouteSkeleton, SectionSkeleton, TableSkeleton } from "@/components/skeletons";

// /alerts/setup while it loads: rules, channels, then the delivery log.
export default function AlertSetupLoading() {
  return (
    <RouteSkeleton what="the alert rules and channels">
      <PageHeaderSkeleton title="Alert rules and channels" />
      <SectionSkeleton title="Rules" description>
        <TableSkeleton columns={["Rule", "Notifies", "Reminders", ""]} rows={6} />
      </SectionSkeleton>
      <SectionSkeleton title="Channels" description>
        <TableSkeleton columns={["Channel", "Sends to", "Secret", ""]} rows={2} />
      </SectionSkeleton>
    </RouteSkeleton>
  );
}
