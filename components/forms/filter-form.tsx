import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
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
