import { SlidersHorizontal, X } from "lucide-react";
import Link from "next/link";
import { Button, buttonVariants } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { activeFilters } from "@/lib/lists/active-filters";
import type { FilterChipDef } from "@/lib/lists/active-filters";
import { pageSizes } from "@/lib/page-sizes";
import { cn } from "@/lib/utils";

/** A list page's search parameters as Next.js gives them. */
export type FilterValues = Record<string, string | string[] | undefined>;

/** The first value of a search parameter, or "". */
export const firstValue = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? "") : (v ?? ""));

/** Every value of a repeatable URL parameter (`?k=a&k=b` or `?k=a,b`), for pre-checking boxes. */
export const allValues = (v: string | string[] | undefined): string[] => (Array.isArray(v) ? v : v ? v.split(",") : []).filter(Boolean);

/** A native select styled like the inputs: list filters are plain GET forms, so they work without JavaScript. */
export function NativeSelect({ className, ...props }: React.ComponentProps<"select">) {
  return (
    <select
      data-slot="native-select"
      className={cn(
        "flex h-9 w-full rounded-md border border-input bg-transparent px-3 py-1 text-sm shadow-xs outline-none focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50 dark:bg-input/30",
        className,
      )}
      {...props}
    />
  );
}

/** One labelled filter control. */
export function FilterField({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div className="space-y-1">
      <Label htmlFor={id}>{label}</Label>
      {children}
    </div>
  );
}

/** A labelled text filter whose name is its id. */
export function FilterInput({ id, label, ...props }: { id: string; label: string } & React.ComponentProps<typeof Input>) {
  return (
    <FilterField id={id} label={label}>
      <Input id={id} name={id} {...props} />
    </FilterField>
  );
}

/** Apply the filters, or clear them all by going back to the list's bare address. */
export function FilterActions({ clearHref }: { clearHref: string }) {
  return (
    <div className="flex gap-2">
      <Button type="submit">Apply filters</Button>
      <Button variant="ghost" asChild>
        <Link href={clearHref}>Clear</Link>
      </Button>
    </div>
  );
}

/**
 * The view a filter form shows, as a key for it: a new view (a chip removed, Clear, a preset, Back) draws
 * the form afresh, since its fields are uncontrolled and would keep the old values.
 */
export const viewKey = (values: FilterValues): string =>
  new URLSearchParams(Object.entries(values).flatMap(([k, v]) => (Array.isArray(v) ? v : v ? [v] : []).map((x) => [k, x]))).toString();

/** The "Per page" choice of a list's filters. */
export function PageSizeField({ value }: { value: string | string[] | undefined }) {
  return (
    <FilterField id="limit" label="Per page">
      <NativeSelect id="limit" name="limit" defaultValue={firstValue(value) || "20"}>
        {pageSizes.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </NativeSelect>
    </FilterField>
  );
}

/**
 * A list's filters as a toolbar: the most used inline, the rest behind "More filters" (a sheet from the
 * bottom on a phone), and every filter in the address shown as a chip whose link drops it. It is a plain
 * GET form and the chips are links, so it all works without JavaScript; the address holds the whole view.
 */
export function FilterToolbar({
  action,
  label,
  values,
  chips,
  main,
  more,
}: {
  action: string;
  /** The form's accessible name ("Filter live events"). */
  label: string;
  values: FilterValues;
  chips: readonly FilterChipDef[];
  main: React.ReactNode;
  more?: React.ReactNode;
}) {
  const active = activeFilters(action, chips, values);
  return (
    <form key={viewKey(values)} method="get" action={action} aria-label={label} className="space-y-2">
      <div className="flex flex-wrap items-end gap-x-3 gap-y-2">
        {main}
        <Button type="submit">Apply filters</Button>
        {more && (
          <details className="group/more open:w-full">
            <summary className={cn(buttonVariants({ variant: "outline" }), "cursor-pointer list-none [&::-webkit-details-marker]:hidden")}>
              <SlidersHorizontal aria-hidden /> More filters
            </summary>
            <div
              role="group"
              aria-label="More filters"
              className="mt-2 grid gap-3 rounded-lg border bg-background p-4 sm:grid-cols-2 lg:grid-cols-4 max-sm:fixed max-sm:inset-x-0 max-sm:bottom-0 max-sm:z-40 max-sm:max-h-[80vh] max-sm:overflow-y-auto max-sm:rounded-b-none max-sm:shadow-2xl"
            >
              {more}
              {/* The sheet covers the toolbar on a phone, so it has its own. */}
              <div className="col-span-full sm:hidden">
                <Button type="submit">Apply filters</Button>
              </div>
            </div>
          </details>
        )}
      </div>
      {active.length > 0 && (
        <ul aria-label="Active filters" className="flex flex-wrap items-center gap-2">
          {active.map((f) => (
            <li key={`${f.key}=${f.value}`}>
              <Link
                href={f.without}
                title={f.text}
                className="inline-flex max-w-72 items-center gap-1 rounded-full border bg-muted/50 py-0.5 pr-1.5 pl-2.5 text-xs hover:bg-muted focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none"
              >
                <span className="truncate">
                  <span className="sr-only">Remove the filter </span>
                  {f.text}
                </span>
                <X className="size-3.5 shrink-0" aria-hidden />
              </Link>
            </li>
          ))}
          <li>
            <Link href={action} className="text-xs underline">
              Clear all
            </Link>
          </li>
        </ul>
      )}
    </form>
  );
}
