"use client";

import Link from "next/link";
import { CopyId } from "@/components/ui/copy-id";
import { UtcStack } from "@/components/ui/utc-stack";
import { PollStatus, usePolledQuery } from "@/components/queries/polled";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { duration, utc } from "@/lib/format";
import type { LiveEventsPage, TitleSearch } from "@/lib/live-events/listing";
import { liveEventPath } from "@/lib/paths";
import { liveEventsPageQuery } from "@/lib/queries/live-events";
import { onAirRefreshMs } from "@/lib/queries/polling";
import { StateBadge } from "./state-badge";

const onAirShown = (page: LiveEventsPage) => page.rows.some((r) => r.state === "ongoing");

/** Where a title search's rows come from and how fresh that is, or why the title was not applied. */
function TitleSearchNote({ search }: { search: TitleSearch }) {
  if (search.source === "off")
    return (
      <p role="note" className="rounded-md border border-amber-500/40 bg-amber-500/10 px-3 py-2 text-sm">
        Sendbird cannot search titles, and the console&apos;s activity index that can is off here (no database or SHOWRUNNER_SYNC_INTERVAL_S=0). The title is
        not applied: these are the events that match the other filters.
      </p>
    );
  return (
    <p role="note" className="text-sm text-muted-foreground">
      Titles containing “{search.title}” from the console&apos;s activity index{" "}
      {search.indexedAt === null ? "(no full pass has finished yet, so some events may be missing)" : `(last full pass ${utc(search.indexedAt, "minute")} UTC)`}
      ; events created since may be missing.
      {search.more && ` Listing only the newest ${search.matched} matches: add words or a creation range to narrow it.`}{" "}
      <Link href="/sync" className="underline">
        Sync status
      </Link>
    </p>
  );
}

/**
 * The live-events grid. While the page shows an event on air it refreshes itself every 5 seconds from the
 * same query (`search`, the list's query string; pausable, not in a hidden tab); the header says when the
 * data was fetched, and a failed refresh keeps the rows. The page hands over the first page of rows
 * (`Hydrated` under `liveEventsPageQuery(search)`).
 */
export function LiveEventsTable({ search }: { search: string }) {
  const polled = usePolledQuery(liveEventsPageQuery(search), { everyMs: onAirRefreshMs, active: onAirShown });
  const page = polled.query.data;
  if (!page) return null;
  const live = onAirShown(page);

  return (
    <div className="space-y-2">
      <PollStatus polled={polled} fetchedAt={page.fetchedAt} everyMs={onAirRefreshMs} what={live ? "on-air rows refresh" : null} />
      {page.titleSearch && <TitleSearchNote search={page.titleSearch} />}
      {page.rows.length === 0 ? (
        <p className="rounded-lg border p-8 text-center text-sm text-muted-foreground">
          {page.titleSearch?.source === "index"
            ? `No live event the console has indexed has “${page.titleSearch.title}” in its title with these filters. Check the spelling, or clear a filter.`
            : "No live events match these filters. Widen a date range or clear a filter."}
        </p>
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Title</TableHead>
              <TableHead>State</TableHead>
              <TableHead>Hosts</TableHead>
              <TableHead className="text-right" title="Participants now / at the peak / in all">
                Now / peak
                <span className="block">/ total</span>
              </TableHead>
              <TableHead className="whitespace-normal">Created (UTC)</TableHead>
              <TableHead>Started</TableHead>
              <TableHead>Ended</TableHead>
              <TableHead className="text-right">Duration</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {page.rows.map((e) => (
              <TableRow key={e.id}>
                <TableCell className="max-w-60">
                  <Link
                    href={liveEventPath(e.id)}
                    className="block truncate font-medium hover:underline focus-visible:whitespace-normal focus-visible:[overflow-wrap:anywhere]"
                    title={e.title || e.id}
                  >
                    {e.title || "Untitled"}
                  </Link>
                  <CopyId id={e.id} what="event" />
                </TableCell>
                <TableCell>
                  <StateBadge state={e.state} />
                  {e.type === "audio" && <span className="block text-xs text-muted-foreground">audio-only</span>}
                </TableCell>
                <TableCell className="max-w-44 truncate" title={e.hosts.map((h) => h.nickname || h.userId).join(", ") || undefined}>
                  {e.hosts.map((h) => h.nickname || h.userId).join(", ") || "—"}
                  {e.hostsFrom === "index" && (
                    <span
                      className="ml-1 text-xs text-muted-foreground"
                      title="Sendbird names no hosts once an event has ended; these are the hosts Showrunner's activity index saw while it was live."
                    >
                      (seen by Showrunner)
                    </span>
                  )}
                  {e.hostsFrom === "candidates" && (
                    <span
                      className="ml-1 text-xs text-muted-foreground"
                      title="Sendbird names no hosts once an event has ended, and Showrunner did not see this one live: these are the users Sendbird lists as able to host it."
                    >
                      (candidates)
                    </span>
                  )}
                </TableCell>
                <TableCell className="text-right font-mono text-xs whitespace-nowrap">
                  {e.participantCount.toLocaleString("en")} / {e.peakParticipantCount.toLocaleString("en")} /{" "}
                  {e.cumulativeParticipantCount.toLocaleString("en")}
                </TableCell>
                <TableCell>
                  <UtcStack at={e.createdAt} />
                </TableCell>
                <TableCell>{e.startedAt ? <UtcStack at={e.startedAt} /> : "—"}</TableCell>
                <TableCell>{e.endedAt ? <UtcStack at={e.endedAt} /> : "—"}</TableCell>
                <TableCell className="text-right whitespace-nowrap">{duration(e.durationMs)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
