// Skeletons of the detail pages' own parts (timelines, tiles, charts, on-air cards, tokens, a case file's timeline), built from ./skeletons.tsx.
import type * as React from "react";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/utils";
import { LinesSkeleton, TableSkeleton, short, long, pick, times } from "./skeletons";

/** The steps of a timeline (an event's, a call's) with their real names, when and by whom still to come. */
export function TimelineSkeleton({ steps }: { steps: readonly string[] }) {
  return (
    <div aria-hidden="true" className="grid gap-3 sm:grid-cols-4">
      {steps.map((step) => (
        <div key={step} className="space-y-1 rounded-lg border p-3">
          <p className="text-sm font-medium">{step}</p>
          <Skeleton className="h-4 w-36" />
          <Skeleton className="h-3 w-20" />
        </div>
      ))}
    </div>
  );
}

/** Number tiles with their real labels: cards as on the overview pages, or bordered boxes when `compact`. */
export function TilesSkeleton({ labels, compact = false, className }: { labels: readonly string[]; compact?: boolean; className?: string }) {
  return (
    <div aria-hidden="true" className={cn("grid gap-4", className)}>
      {labels.map((label) =>
        compact ? (
          <div key={label} className="space-y-1 rounded-lg border p-3 text-center">
            <p className="text-xs text-muted-foreground">{label}</p>
            <Skeleton className="mx-auto h-8 w-16" />
          </div>
        ) : (
          <div key={label} className="space-y-1 rounded-xl border bg-card p-4 shadow-sm">
            <p className="text-sm text-muted-foreground">{label}</p>
            <Skeleton className="h-9 w-20" />
            <Skeleton className="h-3 w-40 max-w-full" />
          </div>
        ),
      )}
    </div>
  );
}

/** A bar chart's card: title line, the plot at the chart's own proportions, where the numbers came from. */
export function ChartSkeleton() {
  return (
    <div className="space-y-3 rounded-xl border bg-card p-4 shadow-sm">
      <Skeleton className="h-5 w-72 max-w-full" />
      <Skeleton className="aspect-[720/220] w-full" />
      <Skeleton className="h-4 w-80 max-w-full" />
    </div>
  );
}

/** The events on air: the audience now (when `watching`), the refresh line, and a grid of event cards. */
export function OnAirSkeleton({ watching = false, cards = 3 }: { watching?: boolean; cards?: number }) {
  return (
    <div className="space-y-3">
      {watching && <Skeleton className="h-10 w-72 max-w-full" />}
      <div className="flex flex-wrap items-center gap-3">
        <Skeleton className="h-5 w-72 max-w-full" />
        <Skeleton className="h-8 w-32" />
      </div>
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        {times(cards).map((i) => (
          <Card key={i}>
            <CardHeader>
              <Skeleton className={cn("h-5", pick(long, i))} />
            </CardHeader>
            <CardContent className="space-y-2">
              <Skeleton className="h-8 w-40" />
              <Skeleton className="h-5 w-56 max-w-full" />
              <Skeleton className="h-5 w-32 rounded-full" />
            </CardContent>
          </Card>
        ))}
      </div>
    </div>
  );
}

/** The folded "Sendbird's object" box at the foot of a detail page. */
export function RawObjectSkeleton() {
  return (
    <div className="rounded-lg border p-4">
      <Skeleton className="h-5 w-64" />
    </div>
  );
}

/** The tokens page's body: the slots line with Generate, and the tokens table. */
export function TokensSkeleton() {
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <Skeleton className="h-5 w-[36rem] max-w-full" />
        <Skeleton className="h-9 w-40" />
      </div>
      <TableSkeleton columns={["Token", "Created (UTC)", "Used by this console", ""]} rows={3} />
    </div>
  );
}

/** A case file's timeline: where its entries came from (with Refresh), then dated entries. */
export function CaseFileTimelineSkeleton({ entries = 6 }: { entries?: number }) {
  return (
    <div className="space-y-4">
      <Skeleton className="h-5 w-80 max-w-full" />
      <div aria-hidden="true" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        {["Events watched", "Events hosted", "Direct calls", "Staff changes", "Latest activity"].map((label) => (
          <div key={label} className="space-y-1 rounded-lg border p-3">
            <p className="text-xs text-muted-foreground">{label}</p>
            <Skeleton className="h-7 w-16" />
            <Skeleton className="h-3 w-32 max-w-full" />
          </div>
        ))}
      </div>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <LinesSkeleton lines={2} className="w-full max-w-prose" />
        <Skeleton className="h-8 w-36" />
      </div>
      <div className="space-y-2">
        <Skeleton className="h-4 w-56" />
        {times(entries).map((i) => (
          <div key={i} className="grid grid-cols-[3rem_minmax(0,1fr)] gap-3 border-l-2 py-1.5 pl-3">
            <Skeleton className="h-4 w-12" />
            <div className="space-y-1">
              <Skeleton className={cn("h-5 max-w-full", pick(long, i))} />
              <Skeleton className={cn("h-4", pick(short, i + 1))} />
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
