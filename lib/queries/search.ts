// The browser's searches as the user types: Jump to (app/api/jump) and the user picker
// (app/api/users/search), keyed by the term so a term asked again within a minute is answered at once.
import { queryOptions } from "@tanstack/react-query";
import type { JumpResults } from "@/lib/users/jump";
import type { UserMatch } from "@/lib/users/search";
import { getJson } from "./fetch";

const keptMs = 60_000;

export const searchKeys = {
  jump: (term: string) => ["jump", term] as const,
  users: (term: string) => ["users", "search", term] as const,
};

/** GET /api/jump?q=… */
export const jumpQuery = (term: string) =>
  queryOptions({
    queryKey: searchKeys.jump(term),
    queryFn: ({ signal }) => getJson<JumpResults>(`/api/jump?q=${encodeURIComponent(term)}`, signal),
    staleTime: keptMs,
  });

/** GET /api/users/search?q=… */
export const userSearchQuery = (term: string) =>
  queryOptions({
    queryKey: searchKeys.users(term),
    queryFn: ({ signal }) => getJson<{ users: UserMatch[] }>(`/api/users/search?q=${encodeURIComponent(term)}`, signal),
    staleTime: keptMs,
  });
