import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

/** A page's title block: the page's one h1 with its badges, the way back, a sentence or an id line under it, and actions at the right. */
export function PageHeader({
  title,
  badges,
  description,
  meta,
  back,
  leading,
  actions,
  className,
}: {
  title: ReactNode;
  /** Shown inside the h1 after the title (state badges), so they are part of its accessible name. */
  badges?: ReactNode;
  description?: ReactNode;
  /** The monospaced line of a detail page: its id and when it was fetched. */
  meta?: ReactNode;
  back?: ReactNode;
  leading?: ReactNode;
  actions?: ReactNode;
  className?: string;
}) {
  const heading = (
    <div className="space-y-1">
      {back}
      <h1 className={cn("text-2xl font-semibold tracking-tight", badges ? "flex flex-wrap items-center gap-2" : null)}>
        {title}
        {badges}
      </h1>
      {description && <p className="text-sm text-muted-foreground">{description}</p>}
      {meta && <p className="font-mono text-xs text-muted-foreground">{meta}</p>}
    </div>
  );
  return (
    <div data-slot="page-header" className={cn("flex flex-wrap items-end justify-between gap-4", className)}>
      {leading ? (
        <div className="flex items-center gap-4">
          {leading}
          {heading}
        </div>
      ) : (
        heading
      )}
      {actions && <div className="flex flex-wrap items-start gap-2">{actions}</div>}
    </div>
  );
}
