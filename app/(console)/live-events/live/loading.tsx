import { PageHeaderSkeleton, RouteSkeleton } from "@/components/skeletons";
import { OnAirSkeleton } from "@/components/page-skeletons";

// /live-events/live while it loads: the refresh line and a grid of on-air cards.
export default function OnAirLoading() {
  return (
    <RouteSkeleton what="the events on air">
      <PageHeaderSkeleton title="On air" description="Every live event on air right now, most watched first, with what needs attention." />
      <OnAirSkeleton />
    </RouteSkeleton>
  );
}
