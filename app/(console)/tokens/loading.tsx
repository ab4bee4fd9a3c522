import { PageHeaderSkeleton, RouteSkeleton } from "@/components/skeletons";
import { TokensSkeleton } from "@/components/page-skeletons";

// /tokens while it loads: the slots line with Generate, then the tokens table.
export default function TokensLoading() {
  return (
    <RouteSkeleton what="the API tokens">
      <PageHeaderSkeleton title="Secondary API tokens" />
      <TokensSkeleton />
    </RouteSkeleton>
  );
}
