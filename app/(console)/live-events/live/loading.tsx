import { PageHeaderSkeleton, RouteSkeleton } from "@/components/skeletons";
import { OnAirSkeleton } from "@/components/page-skeletons";
import { introLine } from "@/components/shell/intros";

// /live-events/live while it loads: the refresh line and a grid of on-air cards.
export default function OnAirLoading() {
  return (
    <RouteSkeleton what="the events on air">
      <PageHeaderSkeleton title="On air" description={introLine("onAir")} />
      <OnAirSkeleton />
    </RouteSkeleton>
  );
}
