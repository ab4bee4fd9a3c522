import Link from "next/link";
import type { z } from "zod";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";

/** Why a list's URL filters cannot be applied, field by field, with a way back to no filters. */
export function FilterProblem({ issues, clearHref }: { issues: readonly z.core.$ZodIssue[]; clearHref: string }) {
  return (
    <Alert variant="destructive">
      <AlertTitle>These filters cannot be applied</AlertTitle>
      <AlertDescription>
        {issues.map((i) => `${String(i.path[0] ?? "filter")}: ${i.message}`).join(" ")} Fix the field above or{" "}
        <Link href={clearHref} className="underline">
          clear the filters
        </Link>
        .
      </AlertDescription>
    </Alert>
  );
}
