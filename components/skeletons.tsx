import Link from "next/link";
import type * as React from "react";
import { Section } from "@/components/ui/section";
import { Skeleton } from "@/components/ui/skeleton";
import { TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/utils";

// Bars of varied widths read as text rather than as a grid of blocks.
export const short = ["w-24", "w-32", "w-20", "w-28", "w-36", "w-16"] as const;
export const long = ["w-48", "w-64", "w-40", "w-56", "w-72"] as const;
export const pick = (widths: readonly string[], i: number) => widths[i % widths.length];
export const times = (n: number) => Array.from({ length: n }, (_, i) => i);

/** A placeholder announced to screen readers ("Loading {what}…") while what it stands for streams in. */
export function Pending({ what, children, ...props }: { what: string } & React.ComponentProps<"div">) {
  return (
    <div aria-busy="true" {...props}>
      <span role="status" className="sr-only">
        Loading {what}…
      </span>
      {children}
    </div>
  );
}

/** The root of a route's loading.tsx: announced, findable by tests, spaced like the pages (the shell already provides `<main>`). */
export function RouteSkeleton({ what, className, children }: { what: string; className?: string; children: React.ReactNode }) {
  return (
    <Pending what={what} data-testid="route-skeleton" className={cn("space-y-6", className)}>
      {children}
    </Pending>
  );
}

/**
 * A page's title block laid out like PageHeader. A static title is the real h1; on a detail page (`detail`) the
 * title is data, so `title` names the kind of page for screen readers and bars stand in for it and the id line.
 */
export function PageHeaderSkeleton({
  title,
  detail = false,
  description,
  back,
  avatar = false,
  badge = false,
  actions = 0,
}: {
  title: string;
  detail?: boolean;
  /** The real sentence when it is static; `true` for a bar where it is data. */
  description?: string | true;
  back?: { href: string; label: string };
  avatar?: boolean;
  badge?: boolean;
  /** How many buttons sit at the right. */
  actions?: number;
}) {
  const heading = (
    <div className="min-w-0 space-y-1">
      {back && (
        <Link href={back.href} className="text-sm underline">
          ← {back.label}
        </Link>
      )}
      {detail ? (
        <>
          <h1 className="sr-only">{title}</h1>
          <div className="flex items-center gap-2">
            <Skeleton className="h-8 w-72 max-w-full" />
            {badge && <Skeleton className="h-5 w-16 rounded-full" />}
          </div>
        </>
      ) : (
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      )}
      {description === true ? <Skeleton className="h-5 w-96 max-w-full" /> : description && <p className="text-sm text-muted-foreground">{description}</p>}
      {detail && <Skeleton className="h-4 w-80 max-w-full" />}
    </div>
  );
  return (
    <div data-slot="page-header" className="flex flex-wrap items-end justify-between gap-4">
      {avatar ? (
        <div className="flex min-w-0 items-center gap-4">
          <Skeleton className="size-14 shrink-0 rounded-full" />
          {heading}
        </div>
      ) : (
        heading
      )}
      {actions > 0 && (
        <div className="flex flex-wrap items-start gap-2">
          {times(actions).map((i) => (
            <Skeleton key={i} className={cn("h-9", pick(long, i + 2))} />
          ))}
        </div>
      )}
    </div>
  );
}

/** A Section whose content is loading: the real title, and the real description when static or a bar where it is data. */
export function SectionSkeleton({ title, description, children }: { title: string; description?: string | true; children: React.ReactNode }) {
  return (
    <Section
      title={title}
      description={description === true ? undefined : description}
      extra={description === true ? <Skeleton className="h-5 w-full max-w-md" /> : undefined}
    >
      {children}
    </Section>
  );
}

/**
 * A table's header row with its real column names over rows of bars. Hidden from screen readers (they hear the
 * loading status) and clipped rather than scrolled, so it never makes a scroll region with nothing to focus.
 */
export function TableSkeleton({ columns, rows = 8 }: { columns: readonly string[]; rows?: number }) {
  return (
    <div aria-hidden="true" className="w-full overflow-hidden">
      <table className="w-full text-sm">
        <TableHeader>
          <TableRow>
            {columns.map((name, c) => (
              <TableHead key={c}>{name}</TableHead>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {times(rows).map((r) => (
            <TableRow key={r}>
              {columns.map((_, c) => (
                <TableCell key={c}>
                  <Skeleton className={cn("h-5", pick(short, r + c))} />
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </table>
    </div>
  );
}

/** A list's Previous/Next buttons, with the range note at the left when `note`. */
export function PagerSkeleton({ note = false }: { note?: boolean }) {
  return (
    <div className={cn("flex items-center gap-2", note ? "justify-between" : "justify-end")}>
      {note && <Skeleton className="h-5 w-40" />}
      <div className="flex gap-2">
        <Skeleton className="h-8 w-24" />
        <Skeleton className="h-8 w-20" />
      </div>
    </div>
  );
}

/** One page of a list read from Sendbird: the count-and-source line, the table, the pager. */
export function ResultsSkeleton({ columns, rows = 8 }: { columns: readonly string[]; rows?: number }) {
  return (
    <div className="space-y-3">
      <div className="space-y-2">
        <Skeleton className="h-5 w-96 max-w-full" />
        <TableSkeleton columns={columns} rows={rows} />
      </div>
      <PagerSkeleton />
    </div>
  );
}

/** One labelled field: the label over the input. */
function FieldSkeleton({ hint = false }: { hint?: boolean }) {
  return (
    <div className="space-y-1">
      <Skeleton className="h-4 w-28" />
      <Skeleton className="h-9 w-full" />
      {hint && <Skeleton className="h-3 w-64 max-w-full" />}
    </div>
  );
}

/** A list's filter toolbar (components/forms/filter-form.tsx): its inline fields and check boxes, Apply filters and More filters. */
export function FiltersSkeleton({ checks = 0, fields }: { checks?: number; fields: number }) {
  return (
    <div className="flex flex-wrap items-end gap-x-3 gap-y-2">
      {times(fields).map((i) => (
        <div key={i} className="w-full sm:w-56">
          <FieldSkeleton />
        </div>
      ))}
      {checks > 0 && (
        <div className="flex min-h-9 flex-wrap items-center gap-x-3 gap-y-1">
          {times(checks).map((i) => (
            <Skeleton key={i} className={cn("h-5", pick(short, i))} />
          ))}
        </div>
      )}
      <Skeleton className="h-9 w-28" />
      <Skeleton className="h-9 w-32" />
    </div>
  );
}

/** A form of labelled fields (with their hints when `hints`) and its buttons. */
export function FormSkeleton({ fields, hints = false, buttons = 1, className }: { fields: number; hints?: boolean; buttons?: number; className?: string }) {
  return (
    <div className={cn("space-y-4", className)}>
      {times(fields).map((i) => (
        <FieldSkeleton key={i} hint={hints} />
      ))}
      <div className="flex gap-2">
        {times(buttons).map((i) => (
          <Skeleton key={i} className={cn("h-9", i === 0 ? "w-32" : "w-20")} />
        ))}
      </div>
    </div>
  );
}

/** Lines of text still to come. */
export function LinesSkeleton({ lines, className }: { lines: number; className?: string }) {
  return (
    <div className={cn("space-y-2", className)}>
      {times(lines).map((i) => (
        <Skeleton key={i} className={cn("h-4 max-w-full", pick(long, i))} />
      ))}
    </div>
  );
}

/** Label–value pairs laid out like Facts: the real labels when static (a list of them), bars when data (a count). */
export function FactsSkeleton({ rows, className }: { rows: number | readonly string[]; className?: string }) {
  const labels = typeof rows === "number" ? times(rows).map(() => null) : rows;
  return (
    <div aria-hidden="true" className={cn("grid grid-cols-[auto_minmax(0,1fr)] gap-x-6 gap-y-1 text-sm", className)}>
      {labels.map((label, i) => (
        <div key={i} className="contents">
          {label === null ? <Skeleton className={cn("h-5", pick(short, i))} /> : <span className="text-muted-foreground">{label}</span>}
          <Skeleton className={cn("h-5 max-w-full", pick(long, i))} />
        </div>
      ))}
    </div>
  );
}
