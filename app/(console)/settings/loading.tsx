import { PageHeaderSkeleton, RouteSkeleton, TableSkeleton } from "@/components/skeletons";

// /settings while it loads: header with Create account, then the accounts table.
export default function SettingsLoading() {
  return (
    <RouteSkeleton what="the console accounts">
      <PageHeaderSkeleton title="Console accounts" description actions={1} />
      <TableSkeleton columns={["E-mail", "Name", "Role", "State", "Last sign-in", "Created", ""]} />
    </RouteSkeleton>
  );
}
