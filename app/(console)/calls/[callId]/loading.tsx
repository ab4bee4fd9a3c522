import { FactsSkeleton, PageHeaderSkeleton, RouteSkeleton, SectionSkeleton, TableSkeleton } from "@/components/skeletons";
import { RawObjectSkeleton, TimelineSkeleton } from "@/components/page-skeletons";

// /calls/[callId] while it loads: how it ended, timeline, participants, recordings, custom items, raw object.
export default function CallLoading() {
  return (
    <RouteSkeleton what="call">
      <PageHeaderSkeleton title="Direct call" detail back={{ href: "/calls", label: "Calls" }} />
      <SectionSkeleton title="How it ended">
        <FactsSkeleton rows={["End result", "What that means", "Ended by", "Duration", "State"]} />
      </SectionSkeleton>
      <SectionSkeleton title="Timeline">
        <TimelineSkeleton steps={["Started", "Ended"]} />
      </SectionSkeleton>
      <SectionSkeleton title="Participants">
        <TableSkeleton columns={["Role", "User"]} rows={2} />
      </SectionSkeleton>
      <SectionSkeleton title="Cloud recordings">
        <TableSkeleton columns={["Recording", "Status", "Started (UTC)", "Stopped", "Length"]} rows={2} />
      </SectionSkeleton>
      <SectionSkeleton title="Custom items" description="Free key/value data Sendbird keeps with the call.">
        <TableSkeleton columns={["Key", "Value"]} rows={2} />
      </SectionSkeleton>
      <RawObjectSkeleton />
    </RouteSkeleton>
  );
}
