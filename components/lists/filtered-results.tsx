import type { ReactNode } from "react";
import { Suspense } from "react";
import type { z } from "zod";
import { FilterProblem } from "@/components/lists/filter-problem";
import { Skeleton } from "@/components/ui/skeleton";

/**
 * A list page's results: while its URL filters hold, the rows stream in under a skeleton (keyed by the query,
 * so a new filter shows the skeleton again); otherwise, what is wrong with the filters and a way to clear them.
 */
export function FilteredResults<T>({
  parsed,
  queryKey,
  clearHref,
  children,
}: {
  parsed: z.ZodSafeParseResult<T>;
  queryKey: string;
  clearHref: string;
  children: (query: T) => ReactNode;
}) {
  if (!parsed.success) return <FilterProblem issues={parsed.error.issues} clearHref={clearHref} />;
  return (
    <Suspense key={queryKey} fallback={<Skeleton className="h-96 w-full" />}>
      {children(parsed.data)}
    </Suspense>
  );
}
