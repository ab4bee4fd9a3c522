import { FiltersSkeleton, PageHeaderSkeleton, ResultsSkeleton, RouteSkeleton } from "@/components/skeletons";
import { introLine } from "@/components/shell/intros";

// /users while it loads: header, the search form, then one page of users.
export default function UsersLoading() {
  return (
    <RouteSkeleton what="users">
      <PageHeaderSkeleton title="Users" description={introLine("users")} />
      <FiltersSkeleton fields={3} />
      <ResultsSkeleton columns={["", "User", "Status", "Online", "Last seen (UTC)", "Created (UTC)"]} />
    </RouteSkeleton>
  );
}
