import { CallsNav } from "@/components/calls/calls-nav";
import { FiltersSkeleton, PageHeaderSkeleton, ResultsSkeleton, RouteSkeleton } from "@/components/skeletons";

// /calls/rooms while it loads: header, the calls tabs, the filters, then one page of rooms.
export default function RoomsLoading() {
  return (
    <RouteSkeleton what="rooms">
      <PageHeaderSkeleton title="Rooms" description="Group-call rooms as Sendbird lists them, newest first." />
      <CallsNav current="/calls/rooms" />
      <FiltersSkeleton fields={8} />
      <ResultsSkeleton columns={["Room", "Type", "State", "Created (UTC)", "Created by", "In the room now"]} />
    </RouteSkeleton>
  );
}
