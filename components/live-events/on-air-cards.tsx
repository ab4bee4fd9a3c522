"use client";

import { Radio, TrendingDown, WifiOff } from "lucide-react";
import Link from "next/link";
import { OpenAlertList } from "@/components/alerts/open-alerts";
import { useState } from "react";
import type * as React from "react";
import { PollStatus, usePolledQuery } from "@/components/queries/polled";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { duration } from "@/lib/format";
import { fallingFast } from "@/lib/live-events/detail";
import type { OnAir } from "@/lib/live-events/on-air";
import { sparkSize, sparkSummary } from "@/lib/live-events/sparkline";
import type { Spark } from "@/lib/live-events/sparkline";
import { liveEventPath } from "@/lib/paths";
import { onAirQuery } from "@/lib/queries/live-events";
import { onAirRefreshMs } from "@/lib/queries/polling";

type History = Record<string, [number, number][]>;

function remember(history: History, data: OnAir): History {
  const next: History = {};
  for (const c of data.cards) next[c.id] = [...(history[c.id] ?? []), [data.fetchedAt, c.participantCount] as [number, number]].slice(-13);
  return next;
}

/** The audience line the server drew for a card: its values on hover, and in one sentence for screen readers. */
function Sparkline({ spark }: { spark: Spark }) {
  const summary = sparkSummary(spark);
  return (
    <>
      <svg viewBox={`0 0 ${sparkSize.width} ${sparkSize.height}`} aria-hidden className="h-7 w-30 shrink-0 overflow-visible">
        <title>{summary}</title>
        <path d={spark.path} fill="none" className="stroke-primary" strokeWidth={1.5} strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <span className="sr-only">{summary}</span>
    </>
  );
}

/**
 * One card per event on air, refreshed every 5 seconds (pausable; not in a hidden tab): audience now against
 * peak and over the last 30 minutes (a line the server drew from the console's samples), whether the host
 * streams, a host off air for over a minute, and an audience falling fast over the last minute (from this
 * page's own readings). The page hands over the first reading (`Hydrated` under
 * `onAirQuery`). `showWatching` puts the total audience first; `empty` replaces the nothing-on-air box.
 */
export function OnAirCards({ showWatching = false, empty }: { showWatching?: boolean; empty?: React.ReactNode }) {
  const polled = usePolledQuery(onAirQuery(), { everyMs: onAirRefreshMs });
  const data = polled.query.data;
  const [seen, setSeen] = useState<OnAir | undefined>(undefined);
  const [history, setHistory] = useState<History>({});
  if (data !== seen) {
    setSeen(data);
    if (data) setHistory((h) => remember(h, data));
  }
  if (!data) return null;

  return (
    <div className="space-y-3">
      {showWatching && (
        <p className="text-sm text-muted-foreground">
          <span className="text-4xl font-semibold tabular-nums text-foreground">{data.watching.toLocaleString("en")}</span>{" "}
          {data.watching === 1 ? "participant" : "participants"} watching right now
        </p>
      )}
      <PollStatus polled={polled} fetchedAt={data.fetchedAt} everyMs={onAirRefreshMs} lead={`${data.cards.length} on air · `} what="refreshing" />
      {data.truncated && <p className="text-sm">Showing the 100 most watched of more events on air.</p>}
      {data.cards.length === 0 ? (
        (empty ?? <p className="rounded-lg border p-8 text-center text-sm text-muted-foreground">Nothing is on air right now.</p>)
      ) : (
        <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3" aria-label="Events on air">
          {data.cards.map((c) => {
            const dropped = c.hosts.filter((h) => h.droppedMs !== null);
            const falling = fallingFast(history[c.id] ?? [], data.fetchedAt);
            return (
              <li key={c.id}>
                <Card>
                  <CardHeader>
                    <CardTitle className="truncate">
                      <Link href={liveEventPath(c.id)} className="hover:underline">
                        {c.title || "Untitled event"}
                      </Link>
                    </CardTitle>
                  </CardHeader>
                  <CardContent className="space-y-2 text-sm">
                    <div className="flex items-end justify-between gap-3">
                      <p>
                        <span className="text-2xl font-semibold">{c.participantCount.toLocaleString("en")}</span> watching · peak{" "}
                        {c.peakParticipantCount.toLocaleString("en")}
                      </p>
                      {c.spark && <Sparkline spark={c.spark} />}
                    </div>
                    <p className="text-muted-foreground">
                      {c.startedAt ? `On air for ${duration(data.fetchedAt - c.startedAt)}` : "On air"} ·{" "}
                      {c.hosts.map((h) => h.nickname || h.userId).join(", ") || "no host in"}
                    </p>
                    <div className="flex flex-wrap gap-1">
                      {c.isHostStreaming ? (
                        <Badge variant="success">
                          <Radio aria-hidden /> Host streaming
                        </Badge>
                      ) : (
                        <Badge variant="warning">
                          <WifiOff aria-hidden /> No host streaming
                        </Badge>
                      )}
                      {dropped.map((h) => (
                        <Badge key={h.userId} variant="destructive">
                          {h.nickname || h.userId} dropped {duration(h.droppedMs ?? 0)} ago
                        </Badge>
                      ))}
                      {falling && (
                        <Badge variant="destructive">
                          <TrendingDown aria-hidden /> Audience falling fast
                        </Badge>
                      )}
                    </div>
                    <OpenAlertList alerts={c.alerts} about={c.title || "Untitled event"} />
                  </CardContent>
                </Card>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
