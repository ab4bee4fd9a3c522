import { FiltersSkeleton, PageHeaderSkeleton, ResultsSkeleton, RouteSkeleton } from "@/components/skeletons";

// /users while it loads: header, the search form, then one page of users.
export default function UsersLoading() {
  return (
    <RouteSkeleton what="users">
      <PageHeaderSkeleton title="Users" description="The application's users as Sendbird's Chat API lists them. Open one for their case file." />
      <FiltersSkeleton fields={7} />
      <ResultsSkeleton columns={["", "User", "Status", "Online", "Last seen (UTC)", "Created (UTC)"]} />
    </RouteSkeleton>
  );
}
