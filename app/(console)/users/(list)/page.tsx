import type { Metadata } from "next";
import { ErrorState } from "@/components/errors/error-state";
import { RetryButton } from "@/components/errors/retry-button";
import type { FilterValues } from "@/components/forms/filter-form";
import { FilteredResults } from "@/components/lists/filtered-results";
import { PageLink } from "@/components/lists/page-link";
import { PageHeader } from "@/components/shell/page-header";
import { CreateUserButton } from "@/components/users/create-user-button";
import { UserFilters } from "@/components/users/user-filters";
import { UsersTable } from "@/components/users/users-table";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { explain } from "@/lib/errors";
import { listUsers } from "@/lib/users/listing";
import type { UsersPage } from "@/lib/users/listing";
import { usersQuerySchema, usersSearch } from "@/lib/users/query";
import type { UsersQuery } from "@/lib/users/query";
import { sendbird } from "@/lib/sendbird/server";
import { intro } from "@/components/shell/intros";

export const metadata: Metadata = { title: "Users" };

async function Results({ query, values }: { query: UsersQuery; values: FilterValues }) {
  let page: UsersPage;
  try {
    page = await listUsers(sendbird(), query);
  } catch (err) {
    return <ErrorState explanation={explain(err)} action={<RetryButton />} />;
  }
  return (
    <div className="space-y-3">
      <UsersTable rows={page.rows} fetchedAt={page.fetchedAt} />
      <nav aria-label="User pages" className="flex justify-end gap-2">
        {/* Sendbird's user list pages forward only: the way back is the first page (or the browser's back). */}
        <PageLink href={query.next ? `/users${usersSearch(values)}` : null} label="First page" />
        <PageLink href={page.next ? `/users${usersSearch(values, { next: page.next })}` : null} label="Next" />
      </nav>
    </div>
  );
}

// GET /users — the application's users, searched by anything the Chat API's list offers; the URL is the view.
export default async function UsersPage({ searchParams }: { searchParams: Promise<FilterValues> }) {
  const values = await searchParams;
  const next: Record<string, string> = typeof values.next === "string" && values.next ? { next: values.next } : {};
  const key = usersSearch(values, next);
  const user = await requirePermission("data.read", `/users${key}`);
  const parsed = usersQuerySchema.safeParse(values);
  return (
    <div className="space-y-6">
      <PageHeader title="Users" {...intro("users")} actions={can(user.role, "users.manage") && <CreateUserButton />} />
      <UserFilters values={values} />
      <FilteredResults parsed={parsed} queryKey={key} clearHref="/users">
        {(query) => <Results query={query} values={values} />}
      </FilteredResults>
    </div>
  );
}
