import { FactsSkeleton, PageHeaderSkeleton, PagerSkeleton, RouteSkeleton, SectionSkeleton, TableSkeleton } from "@/components/skeletons";
import { RawObjectSkeleton } from "@/components/page-skeletons";

// /calls/rooms/[roomId] while it loads: about the room, its participants, recordings, custom items, raw object.
export default function RoomLoading() {
  return (
    <RouteSkeleton what="room">
      <PageHeaderSkeleton title="Room" detail badge back={{ href: "/calls/rooms", label: "Rooms" }} />
      <SectionSkeleton title="About">
        <FactsSkeleton rows={["Created", "Created by", "In the room now", "Last change"]} />
      </SectionSkeleton>
      <SectionSkeleton title="Participants" description="Everyone who entered, newest first; someone who entered twice has a row per stay.">
        <TableSkeleton columns={["Participant", "State", "Entered (UTC)", "Exited", "Stayed", "Audio / video"]} />
        <PagerSkeleton />
      </SectionSkeleton>
      <SectionSkeleton title="Cloud recordings">
        <TableSkeleton columns={["Recording", "Status", "Started (UTC)", "Stopped", "Length"]} rows={2} />
      </SectionSkeleton>
      <SectionSkeleton title="Custom items" description="Free key/value data Sendbird keeps with the room.">
        <TableSkeleton columns={["Key", "Value"]} rows={2} />
      </SectionSkeleton>
      <RawObjectSkeleton />
    </RouteSkeleton>
  );
}
