import type { Metadata } from "next";
import { CallsNav } from "@/components/calls/calls-nav";
import { RoomFilters } from "@/components/calls/room-filters";
import { RoomsTable } from "@/components/calls/rooms-table";
import { ErrorState } from "@/components/errors/error-state";
import { RetryButton } from "@/components/errors/retry-button";
import type { FilterValues } from "@/components/forms/filter-form";
import { FilteredResults } from "@/components/lists/filtered-results";
import { PageLink } from "@/components/lists/page-link";
import { PageHeader } from "@/components/shell/page-header";
import { requirePermission } from "@/lib/auth/session";
import { listRooms } from "@/lib/calls/rooms";
import type { RoomsPage } from "@/lib/calls/rooms";
import { roomsQuerySchema, roomsSearch } from "@/lib/calls/rooms-query";
import type { RoomsQuery } from "@/lib/calls/rooms-query";
import { explain } from "@/lib/errors";
import { sendbird } from "@/lib/sendbird/server";
import { intro } from "@/components/shell/intros";

export const metadata: Metadata = { title: "Rooms" };

async function Results({ query, values }: { query: RoomsQuery; values: FilterValues }) {
  let page: RoomsPage;
  try {
    page = await listRooms(sendbird(), query);
  } catch (err) {
    return <ErrorState explanation={explain(err)} action={<RetryButton />} />;
  }
  return (
    <div className="space-y-3">
      <RoomsTable rows={page.rows} fetchedAt={page.fetchedAt} />
      <nav aria-label="Room pages" className="flex justify-end gap-2">
        <PageLink href={page.prev ? `/calls/rooms${roomsSearch(values, { prev: page.prev })}` : null} label="Previous" />
        <PageLink href={page.next ? `/calls/rooms${roomsSearch(values, { next: page.next })}` : null} label="Next" />
      </nav>
    </div>
  );
}

// GET /calls/rooms — group-call rooms, filtered by anything Sendbird's list of rooms offers; the URL is the view.
export default async function RoomsListPage({ searchParams }: { searchParams: Promise<FilterValues> }) {
  const values = await searchParams;
  const token: Record<string, string> = {};
  for (const k of ["next", "prev"] as const) if (typeof values[k] === "string" && values[k]) token[k] = values[k];
  const key = roomsSearch(values, token);
  await requirePermission("data.read", `/calls/rooms${key}`);
  const parsed = roomsQuerySchema.safeParse(values);
  return (
    <div className="space-y-6">
      <PageHeader title="Rooms" {...intro("rooms")} />
      <CallsNav current="/calls/rooms" />
      <RoomFilters values={values} />
      <FilteredResults parsed={parsed} queryKey={key} clearHref="/calls/rooms">
        {(query) => <Results query={query} values={values} />}
      </FilteredResults>
    </div>
  );
}
