import { PageHeaderSkeleton, PagerSkeleton, RouteSkeleton, SectionSkeleton, TableSkeleton } from "@/components/skeletons";
import { RawObjectSkeleton, TilesSkeleton, TimelineSkeleton } from "@/components/page-skeletons";
import { Skeleton } from "@/components/ui/skeleton";

// /live-events/[liveEventId] while it loads: timeline, audience, hosts, participants, recordings, custom items, raw object.
export default function LiveEventLoading() {
  return (
    <RouteSkeleton what="live event">
      <PageHeaderSkeleton title="Live event" detail badge back={{ href: "/live-events", label: "Live events" }} />
      <SectionSkeleton title="Timeline">
        <TimelineSkeleton steps={["Created", "Set ready", "Started", "Ended"]} />
      </SectionSkeleton>
      <SectionSkeleton title="Audience" description="Sendbird counts who is watching now, the most at once, and everyone who ever joined.">
        <TilesSkeleton labels={["Watching now", "Peak", "Joined in total"]} compact className="grid-cols-3" />
        <Skeleton className="h-40 w-full" />
      </SectionSkeleton>
      <SectionSkeleton title="Hosts" description>
        <TableSkeleton columns={["Host", "State", "Entered", "Connected", "Disconnected", "Exited", "Streamed"]} rows={2} />
      </SectionSkeleton>
      <SectionSkeleton title="Participants">
        <TableSkeleton columns={["Participant", "State", "Entered (UTC)", "Exited", "Watched"]} />
        <PagerSkeleton />
      </SectionSkeleton>
      <SectionSkeleton title="Cloud recordings">
        <TableSkeleton columns={["Recording", "Status", "Started (UTC)", "Stopped", "Length"]} rows={2} />
      </SectionSkeleton>
      <SectionSkeleton title="Custom items" description="Free key/value data Sendbird keeps with the event.">
        <TableSkeleton columns={["Key", "Value"]} rows={2} />
      </SectionSkeleton>
      <RawObjectSkeleton />
    </RouteSkeleton>
  );
}
