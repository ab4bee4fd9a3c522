"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { Query, QueryFunction, QueryKey } from "@tanstack/react-query";
import { Pause, Play } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { duration, utc } from "@/lib/format";
import { backoffMs, isTransient, keepNewer, refreshProblem } from "@/lib/queries/polling";

/**
 * A read the page refreshes every `everyMs` while `active` says its data needs it (an event on air, say):
 * not in a hidden tab (it asks again on return), never two requests at once, never an older answer over a
 * newer one; a rate limit or a failure backs off, and a refusal of its own (signed out, gone) stops it.
 * `togglePause` stops it at once, dropping a request under way.
 */
export function usePolledQuery<T extends { fetchedAt: number }, K extends QueryKey>(
  options: { queryKey: K; queryFn?: QueryFunction<T, K, never> | undefined },
  { everyMs, active = () => true }: { everyMs: number; active?: (data: T) => boolean },
) {
  const client = useQueryClient();
  const [paused, setPaused] = useState(false);
  const polling = (q: Query<T, Error, T, K>) => !paused && q.state.data !== undefined && active(q.state.data);
  const query = useQuery({
    queryKey: options.queryKey,
    queryFn: options.queryFn,
    enabled: (q) => !paused && (q.state.data === undefined || active(q.state.data)),
    staleTime: everyMs,
    refetchInterval: (q) => (!polling(q) || (q.state.status === "error" && !isTransient(q.state.error)) ? false : everyMs),
    refetchOnWindowFocus: polling,
    refetchOnReconnect: polling,
    retry: (_, err) => !paused && isTransient(err),
    retryDelay: (failures, err) => backoffMs(everyMs, failures, err),
    structuralSharing: (old, next) => keepNewer(old, next),
  });
  const togglePause = () => {
    if (!paused) void client.cancelQueries({ queryKey: options.queryKey });
    setPaused(!paused);
  };
  // "Try again" while it backs off: the wait is dropped and it asks at once (the read under way is replaced, not
  // joined), and the page's server parts are read again too, as every "Try again" of the console does.
  const router = useRouter();
  const retryNow = () => {
    void query.refetch({ cancelRefetch: true });
    router.refresh();
  };
  return { query, paused, togglePause, retryNow };
}

const everySecond = (tick: () => void) => {
  const timer = setInterval(tick, 1_000);
  return () => clearInterval(timer);
};

/** The time to the second, re-read every second for ages; null in the server's render and at hydration. */
function useNow(): number | null {
  return useSyncExternalStore(
    everySecond,
    () => Math.floor(Date.now() / 1_000) * 1_000,
    () => null,
  );
}

/**
 * The line above polled data: where it came from and how old it is, whether it refreshes, a Pause button,
 * and, when a refresh fails, what happened in plain words while the last good data stays on screen.
 */
export function PollStatus({
  polled,
  fetchedAt,
  everyMs,
  what,
  lead = "",
  source = "Sendbird",
}: {
  polled: {
    query: { failureCount: number; failureReason: Error | null; isError: boolean; error: Error | null; isFetching: boolean };
    paused: boolean;
    togglePause: () => void;
    retryNow: () => void;
  };
  fetchedAt: number;
  everyMs: number;
  /** What refreshes, e.g. "on-air rows refresh"; null when nothing on the page needs it (nothing on air). */
  what: string | null;
  /** Words before the status, e.g. "3 on air · ". */
  lead?: string;
  source?: string;
}) {
  const now = useNow();
  // The buttons work once the page is hydrated; until then they say so by being disabled.
  const ready = now !== null;
  const { query, paused, togglePause, retryNow } = polled;
  const failure = query.failureCount > 0 ? query.failureReason : query.isError ? query.error : null;
  const age = now === null ? null : Math.max(0, now - fetchedAt);
  const ago = age === null ? null : age < 1_000 ? "just now" : `${duration(age)} ago`;
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm text-muted-foreground">
      <span role="status">
        {lead}
        Fetched from {source} at {utc(fetchedAt, "clock")} UTC{ago && ` (${ago})`}
        {what !== null && (paused ? " · refresh paused" : ` · ${what} every ${everyMs / 1000} s`)}
      </span>
      {what !== null && (
        <Button variant="outline" size="sm" aria-pressed={paused} disabled={!ready} onClick={togglePause}>
          {paused ? <Play aria-hidden /> : <Pause aria-hidden />} {paused ? "Resume refresh" : "Pause refresh"}
        </Button>
      )}
      {failure !== null && !paused && (
        <span role="alert" className="text-destructive">
          {refreshProblem(failure)} Showing the last good data{ago && `, fetched ${ago}`}
          {isTransient(failure) ? `; next try within ${Math.round(backoffMs(everyMs, query.failureCount, failure) / 1000)} s.` : "; refresh stopped."}
        </span>
      )}
      {failure !== null && !paused && isTransient(failure) && (
        <Button variant="outline" size="sm" disabled={!ready} onClick={retryNow}>
          Try again
        </Button>
      )}
    </div>
  );
}
