import { FormSkeleton, PageHeaderSkeleton, RouteSkeleton } from "@/components/skeletons";

// /live-events/new while it loads: the new-event form (title, cover, type, hosts) and its buttons.
export default function NewLiveEventLoading() {
  return (
    <RouteSkeleton what="the new live event form">
      <PageHeaderSkeleton
        title="New live event"
        description="The event starts in the “created” state; nobody is on air until you set it ready and start it."
        back={{ href: "/live-events", label: "Live events" }}
      />
      <FormSkeleton fields={4} hints buttons={2} className="max-w-2xl space-y-6" />
    </RouteSkeleton>
  );
}
