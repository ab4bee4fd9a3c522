import type { ReactNode } from "react";
import { Help } from "@/components/ui/help";
import { cn } from "@/lib/utils";

/** A page's title block: the page's one h1 with its badges, the way back, a sentence or an id line under it, and actions at the right. */
export function PageHeader({
  title,
  badges,
  description,
  help,
  meta,
  back,
  leading,
  actions,
  className,
}: {
  title: ReactNode;
  /** Shown inside the h1 after the title (state badges), so they are part of its accessible name. */
  badges?: ReactNode;
  /** One line: what the page is. Anything longer goes in `help`. */
  description?: ReactNode;
  /** The longer explanation, behind a "?" after the description. */
  help?: { id: string; label: string; content: ReactNode };
  /** The monospaced line of a detail page: its id and when it was fetched. */
  meta?: ReactNode;
  back?: ReactNode;
  leading?: ReactNode;
  actions?: ReactNode;
  className?: string;
}) {
  const heading = (
    <div className="min-w-0 space-y-1">
      {back}
      <h1 className={cn("text-2xl font-semibold tracking-tight [overflow-wrap:anywhere]", badges ? "flex flex-wrap items-center gap-2" : null)}>
        {title}
        {badges}
      </h1>
      {description && (
        <div className="text-sm text-muted-foreground">
          {description}
          {help && (
            <>
              {" "}
              <Help id={help.id} label={help.label}>
                {help.content}
              </Help>
            </>
          )}
        </div>
      )}
      {meta && <p className="font-mono text-xs [overflow-wrap:anywhere] text-muted-foreground">{meta}</p>}
    </div>
  );
  return (
    <div data-slot="page-header" className={cn("flex flex-wrap items-end justify-between gap-4", className)}>
      {leading ? (
        <div className="flex min-w-0 items-center gap-4">
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
