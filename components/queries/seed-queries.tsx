"use client";

import { useQueryClient } from "@tanstack/react-query";
import type { QueryKey } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import type * as React from "react";
import { keepNewer } from "@/lib/queries/polling";

/**
 * Puts the server's answers into the tab's query cache: a query the tab does not hold yet at once, before its
 * component renders (so the server's HTML and the first client render agree); one it holds after the render,
 * keeping whichever answer was read later.
 */
export function SeedQueries({ entries, children }: { entries: [QueryKey, { fetchedAt: number }][]; children: React.ReactNode }) {
  const client = useQueryClient();
  const held = useMemo(() => {
    const later: [QueryKey, { fetchedAt: number }][] = [];
    for (const [key, value] of entries) {
      if (client.getQueryData(key) === undefined) client.setQueryData(key, value);
      else later.push([key, value]);
    }
    return later;
  }, [client, entries]);
  useEffect(() => {
    for (const [key, value] of held) client.setQueryData(key, (old: unknown) => keepNewer(old, value));
  }, [client, held]);
  return children;
}
