import type { Metadata } from "next";
import { CallFilters } from "@/components/calls/call-filters";
import { CallsNav } from "@/components/calls/calls-nav";
import { CallsTable } from "@/components/calls/calls-table";
import { CsvExportButton } from "@/components/export/csv-export-button";
import { ErrorState } from "@/components/errors/error-state";
import { RetryButton } from "@/components/errors/retry-button";
import type { FilterValues } from "@/components/forms/filter-form";
import { FilteredResults } from "@/components/lists/filtered-results";
import { PageLink } from "@/components/lists/page-link";
import { PageHeader } from "@/components/shell/page-header";
import { requirePermission } from "@/lib/auth/session";
import { listCalls } from "@/lib/calls/listing";
import type { CallsPage } from "@/lib/calls/listing";
import { callsQuerySchema, callsSearch } from "@/lib/calls/query";
import type { CallsQuery } from "@/lib/calls/query";
import { explain } from "@/lib/errors";
import { sendbird } from "@/lib/sendbird/server";
import { intro } from "@/components/shell/intros";

export const metadata: Metadata = { title: "Calls" };

async function Results({ query, values }: { query: CallsQuery; values: FilterValues }) {
  let page: CallsPage;
  try {
    page = await listCalls(sendbird(), query);
  } catch (err) {
    return <ErrorState explanation={explain(err)} action={<RetryButton />} />;
  }
  return (
    <div className="space-y-3">
      <CallsTable rows={page.rows} fetchedAt={page.fetchedAt} source={page.source} />
      <nav aria-label="Call pages" className="flex justify-end gap-2">
        {/* Sendbird's call lists page forward only (`has_next`): the way back is the first page or the browser's back. */}
        <PageLink href={query.next ? `/calls${callsSearch(values)}` : null} label="First page" />
        <PageLink href={page.next ? `/calls${callsSearch(values, { next: page.next })}` : null} label="Next" />
      </nav>
    </div>
  );
}

// GET /calls — direct calls, filtered by anything Sendbird's two call lists offer; the URL is the view.
export default async function CallsPage({ searchParams }: { searchParams: Promise<FilterValues> }) {
  const values = await searchParams;
  const next: Record<string, string> = typeof values.next === "string" && values.next ? { next: values.next } : {};
  const key = callsSearch(values, next);
  await requirePermission("data.read", `/calls${key}`);
  const parsed = callsQuerySchema.safeParse(values);
  return (
    <div className="space-y-6">
      <PageHeader title="Calls" {...intro("calls")} />
      <CallsNav current="/calls" />
      <CallFilters values={values} />
      {parsed.success && (
        <div className="flex justify-end">
          <CsvExportButton href={`/api/calls/export${callsSearch(values)}`} label="Export all matching (CSV)" />
        </div>
      )}
      <FilteredResults parsed={parsed} queryKey={key} clearHref="/calls">
        {(query) => <Results query={query} values={values} />}
      </FilteredResults>
    </div>
  );
}
