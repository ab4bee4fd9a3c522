// The browser's reads of live events: query keys and fetchers, beside the route handlers under
// app/api/live-events that answer them. Server pages hand their first data over under the same keys.
import { queryOptions } from "@tanstack/react-query";
import type { LiveEventsPage } from "@/lib/live-events/listing";
import type { LiveParts } from "@/lib/live-events/live-parts";
import type { OnAir } from "@/lib/live-events/on-air";
import { getJson } from "./fetch";

export const liveEventKeys = {
  all: ["live-events"] as const,
  onAir: () => [...liveEventKeys.all, "on-air"] as const,
  /** One page of the list, by its query string ("" or "?state=ongoing…"). */
  list: (search: string) => [...liveEventKeys.all, "list", search] as const,
  live: (id: string) => [...liveEventKeys.all, "live", id] as const,
};

/** GET /api/live-events/on-air */
export const onAirQuery = () => queryOptions({ queryKey: liveEventKeys.onAir(), queryFn: ({ signal }) => getJson<OnAir>("/api/live-events/on-air", signal) });

/** GET /api/live-events?… */
export const liveEventsPageQuery = (search: string) =>
  queryOptions({ queryKey: liveEventKeys.list(search), queryFn: ({ signal }) => getJson<LiveEventsPage>(`/api/live-events${search}`, signal) });

/** GET /api/live-events/live-parts?id=… */
export const liveEventLiveQuery = (id: string) =>
  queryOptions({
    queryKey: liveEventKeys.live(id),
    queryFn: ({ signal }) => getJson<LiveParts>(`/api/live-events/live-parts?id=${encodeURIComponent(id)}`, signal),
  });
