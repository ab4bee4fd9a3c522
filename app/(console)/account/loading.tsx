import { FormSkeleton, LinesSkeleton, PageHeaderSkeleton, RouteSkeleton, SectionSkeleton } from "@/components/skeletons";
import { Skeleton } from "@/components/ui/skeleton";

// /account while it loads: who you are, then the role, password and sessions cards.
export default function AccountLoading() {
  return (
    <RouteSkeleton what="your account" className="max-w-3xl">
      <PageHeaderSkeleton title="Your account" description />
      <SectionSkeleton title="What your role allows" description="Roles are set by an admin on the Settings page.">
        <LinesSkeleton lines={5} />
      </SectionSkeleton>
      <SectionSkeleton title="Password" description="Changing it signs out your other sessions; this one stays.">
        <FormSkeleton fields={3} className="max-w-sm" />
      </SectionSkeleton>
      <SectionSkeleton title="Sessions" description="Lost a laptop or signed in somewhere shared? End every session of this account, on every device.">
        <Skeleton className="h-9 w-56" />
      </SectionSkeleton>
    </RouteSkeleton>
  );
}
