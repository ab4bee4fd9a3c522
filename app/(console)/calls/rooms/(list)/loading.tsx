import { CallsNav } from "@/components/calls/calls-nav";
import { FiltersSkeleton, PageHeaderSkeleton, ResultsSkeleton, RouteSkeleton } from "@/components/skeletons";
import { introLine } from "@/components/shell/intros";

// /calls/rooms while it loads: header, the calls tabs, the filters, then one page of rooms.
export default function RoomsLoading() {
  return (
    <RouteSkeleton what="rooms">
      <PageHeaderSkeleton title="Rooms" description={introLine("rooms")} />
      <CallsNav current="/calls/rooms" />
      <FiltersSkeleton fields={3} />
      <ResultsSkeleton columns={["Room", "Type", "State", "Created (UTC)", "Created by", "In the room now"]} />
    </RouteSkeleton>
  );
}
