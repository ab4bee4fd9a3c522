import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { QueryKey } from "@tanstack/react-query";
import type * as React from "react";

/**
 * Hands data the server has just read to the browser's queries under their keys, so the first paint has it
 * and the browser asks again only when it is due. An answer the tab already holds that is newer stays.
 */
export function Hydrated({ data, children }: { data: [QueryKey, unknown][]; children: React.ReactNode }) {
  const client = new QueryClient();
  for (const [key, value] of data) client.setQueryData(key, value);
  return <HydrationBoundary state={dehydrate(client)}>{children}</HydrationBoundary>;
}
