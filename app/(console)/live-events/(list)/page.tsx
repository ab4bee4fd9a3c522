import type { Metadata } from "next";
import Link from "next/link";
import { CsvExportButton } from "@/components/export/csv-export-button";
import { ErrorState } from "@/components/errors/error-state";
import { RetryButton } from "@/components/errors/retry-button";
import { LiveEventFilters } from "@/components/live-events/live-event-filters";
import type { FilterValues } from "@/components/live-events/live-event-filters";
import { LiveEventsTable } from "@/components/live-events/live-events-table";
import { FilteredResults } from "@/components/lists/filtered-results";
import { Hydrated } from "@/components/queries/hydrated";
import { PageLink } from "@/components/lists/page-link";
import { SavedViews } from "@/components/lists/saved-views";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { database, databaseOrNull } from "@/lib/db/server";
import { sendbird } from "@/lib/sendbird/server";
import { explain, settled } from "@/lib/errors";
import { listLiveEvents } from "@/lib/live-events/listing";
import { liveEventsQuerySchema, liveEventsSearch } from "@/lib/live-events/query";
import type { LiveEventsQuery } from "@/lib/live-events/query";
import { liveEventsPageQuery } from "@/lib/queries/live-events";
import { listViews } from "@/lib/saved-views/store";
import { intro } from "@/components/shell/intros";

export const metadata: Metadata = { title: "Live events" };

async function Results({ query, values }: { query: LiveEventsQuery; values: FilterValues }) {
  const listed = await settled(listLiveEvents(sendbird(), await databaseOrNull(), query));
  if (!listed.ok) return <ErrorState explanation={explain(listed.error)} action={<RetryButton />} />;
  const page = listed.value;
  const search = liveEventsSearch(values);
  const tokenSearch: Record<string, string> = query.next ? { next: query.next } : query.prev ? { prev: query.prev } : {};
  const pageSearch = liveEventsSearch(values, tokenSearch);
  return (
    <div className="space-y-3">
      <Hydrated data={[[liveEventsPageQuery(pageSearch).queryKey, page]]}>
        <LiveEventsTable search={pageSearch} />
      </Hydrated>
      <nav aria-label="Live event pages" className="flex justify-end gap-2">
        <PageLink
          href={page.prev ? `/live-events${liveEventsSearch(values, { prev: page.prev })}` : query.next || query.prev ? `/live-events${search}` : null}
          label="Previous"
        />
        <PageLink href={page.next ? `/live-events${liveEventsSearch(values, { next: page.next })}` : null} label="Next" />
      </nav>
    </div>
  );
}

// GET /live-events — every live event, filtered by anything the list endpoint offers; the URL is the view.
export default async function LiveEventsPage({ searchParams }: { searchParams: Promise<FilterValues> }) {
  const values = await searchParams;
  const tokens: Record<string, string> = {};
  for (const k of ["next", "prev"]) if (typeof values[k] === "string" && values[k]) tokens[k] = values[k];
  const key = liveEventsSearch(values, tokens);
  const user = await requirePermission("data.read", `/live-events${key}`);
  const parsed = liveEventsQuerySchema.safeParse(values);
  const views = parsed.success ? await listViews(await database(), "live-events") : [];
  return (
    <div className="space-y-6">
      <PageHeader
        title="Live events"
        {...intro("liveEvents")}
        actions={
          <>
            <Button variant="outline" asChild>
              <Link href="/live-events/live">What is on air now</Link>
            </Button>
            {can(user.role, "liveEvents.operate") && (
              <Button asChild>
                <Link href="/live-events/new">New event</Link>
              </Button>
            )}
          </>
        }
      />
      <LiveEventFilters values={values} />
      {parsed.success && (
        <div className="flex flex-wrap items-start justify-between gap-4">
          <SavedViews
            page="live-events"
            query={liveEventsSearch(values)}
            views={views}
            mayDelete={(view) => view.createdBy === user.email || can(user.role, "accounts.manage")}
          />
          <CsvExportButton href={`/api/live-events/export${liveEventsSearch(values)}`} label="Export all matching (CSV)" />
        </div>
      )}
      <FilteredResults parsed={parsed} queryKey={key} clearHref="/live-events">
        {(query) => <Results query={query} values={values} />}
      </FilteredResults>
    </div>
  );
}
