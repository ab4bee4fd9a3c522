import { cn } from "@/lib/utils";

/**
 * Label–value pairs as a two-column definition list (labels muted, or monospaced for keys); a long unbroken
 * value (an id) wraps anywhere rather than widen the page.
 */
export function Facts({
  rows,
  label,
  keys = "label",
  className,
}: {
  rows: [string, React.ReactNode][];
  label?: string;
  keys?: "label" | "code";
  className?: string;
}) {
  return (
    <dl aria-label={label} className={cn("grid grid-cols-[auto_minmax(0,1fr)] gap-x-6 gap-y-1 text-sm", className)}>
      {rows.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className={keys === "code" ? "font-mono" : "text-muted-foreground"}>{k}</dt>
          <dd className="[overflow-wrap:anywhere]">{v}</dd>
        </div>
      ))}
    </dl>
  );
}
