import type { QueryKey } from "@tanstack/react-query";
import type * as React from "react";
import { SeedQueries } from "./seed-queries";

/**
 * Hands data the server has just read to the browser's queries under their keys, so the first paint has it
 * and the browser asks again only when a refresh is due. Each value carries `fetchedAt`; an answer the tab
 * already holds that was read later stays (after a change, the page's fresh read wins over a refresh that
 * got an older shared answer, and the other way round).
 */
export function Hydrated({ data, children }: { data: [QueryKey, { fetchedAt: number }][]; children: React.ReactNode }) {
  return <SeedQueries entries={data}>{children}</SeedQueries>;
}
