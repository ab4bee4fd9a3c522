"use client";

import { Pause, Play } from "lucide-react";
import Link from "next/link";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { readAnswer } from "@/lib/api/answers";
import { duration, utc } from "@/lib/format";
import type { LiveEventsPage } from "@/lib/live-events/listing";
import { liveEventPath } from "@/lib/paths";
import { StateBadge } from "./state-badge";

const refreshMs = 5_000;

async function fetchPage(url: string): Promise<LiveEventsPage> {
  const response = await fetch(url, { cache: "no-store" });
  return readAnswer<LiveEventsPage>(response, (status) => `The console answered HTTP ${status}.`);
}

/**
 * The live-events grid. While the page shows an event on air it refreshes itself every 5 seconds from the
 * same query (pausable); the header says when the data was fetched, and a failed refresh keeps the rows.
 */
export function LiveEventsTable({ initial, refreshUrl }: { initial: LiveEventsPage; refreshUrl: string }) {
  const [page, setPage] = useState(initial);
  const [paused, setPaused] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const live = page.rows.some((r) => r.state === "ongoing");

  useEffect(() => {
    if (!live || paused) return;
    const timer = setInterval(() => {
      fetchPage(refreshUrl)
        .then((next) => {
          setPage(next);
          setProblem(null);
        })
        .catch((err: unknown) => setProblem(err instanceof Error ? err.message : "The refresh failed."));
    }, refreshMs);
    return () => clearInterval(timer);
  }, [live, paused, refreshUrl]);

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-3 text-sm text-muted-foreground">
        <span role="status">
          Fetched from Sendbird at {utc(page.fetchedAt, "clock")} UTC
          {live && !paused && " · on-air rows refresh every 5 s"}
          {live && paused && " · refresh paused"}
        </span>
        {live && (
          <Button variant="outline" size="sm" aria-pressed={paused} onClick={() => setPaused((p) => !p)}>
            {paused ? <Play aria-hidden /> : <Pause aria-hidden />} {paused ? "Resume refresh" : "Pause refresh"}
          </Button>
        )}
        {problem && <span className="text-destructive">Refresh failed: {problem} Showing the last rows; trying again in 5 s.</span>}
      </div>
      {page.rows.length === 0 ? (
        <p className="rounded-lg border p-8 text-center text-sm text-muted-foreground">
          No live events match these filters. Widen a date range or clear a filter.
        </p>
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Title</TableHead>
              <TableHead>State</TableHead>
              <TableHead>Hosts</TableHead>
              <TableHead className="text-right">Now / peak / total</TableHead>
              <TableHead>Created (UTC)</TableHead>
              <TableHead>Started</TableHead>
              <TableHead>Ended</TableHead>
              <TableHead className="text-right">Duration</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {page.rows.map((e) => (
              <TableRow key={e.id}>
                <TableCell className="max-w-64">
                  <Link href={liveEventPath(e.id)} className="block truncate font-medium hover:underline" title={e.title || e.id}>
                    {e.title || "Untitled"}
                  </Link>
                  <span className="block truncate font-mono text-xs text-muted-foreground">{e.id}</span>
                </TableCell>
                <TableCell>
                  <StateBadge state={e.state} />
                  {e.type === "audio" && <span className="ml-1 text-xs text-muted-foreground">audio-only</span>}
                </TableCell>
                <TableCell className="max-w-48 truncate">
                  {e.hosts.map((h) => h.nickname || h.userId).join(", ") || "—"}
                  {e.hostsFrom === "index" && (
                    <span
                      className="ml-1 text-xs text-muted-foreground"
                      title="Sendbird names no hosts once an event has ended; these are the hosts Showrunner's activity index saw while it was live."
                    >
                      (seen by Showrunner)
                    </span>
                  )}
                </TableCell>
                <TableCell className="text-right font-mono text-xs whitespace-nowrap">
                  {e.participantCount.toLocaleString("en")} / {e.peakParticipantCount.toLocaleString("en")} /{" "}
                  {e.cumulativeParticipantCount.toLocaleString("en")}
                </TableCell>
                <TableCell className="font-mono text-xs whitespace-nowrap">{utc(e.createdAt, "minute")}</TableCell>
                <TableCell className="font-mono text-xs whitespace-nowrap">{e.startedAt ? utc(e.startedAt, "minute") : "—"}</TableCell>
                <TableCell className="font-mono text-xs whitespace-nowrap">{e.endedAt ? utc(e.endedAt, "minute") : "—"}</TableCell>
                <TableCell className="text-right whitespace-nowrap">{duration(e.durationMs)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
