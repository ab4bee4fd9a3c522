import { CircleHelp } from "lucide-react";
import type * as React from "react";
import { cn } from "@/lib/utils";

/**
 * A "?" beside a page's one-line introduction that opens the longer explanation in a popover. It is the
 * browser's own popover (`popovertarget`): no script, closed by Escape or a click outside.
 */
export function Help({ id, label, children, className }: { id: string; label: string; children: React.ReactNode; className?: string }) {
  return (
    <>
      <button
        type="button"
        popoverTarget={id}
        aria-label={label}
        className={cn(
          "inline-flex size-5 shrink-0 translate-y-[-1px] items-center justify-center rounded-full align-middle text-muted-foreground hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none",
          className,
        )}
      >
        <CircleHelp className="size-4" aria-hidden />
      </button>
      <div
        id={id}
        popover="auto"
        className="m-auto max-w-[min(28rem,calc(100vw-2rem))] space-y-2 rounded-lg border bg-popover p-4 text-sm text-popover-foreground shadow-lg backdrop:bg-black/20"
      >
        {children}
      </div>
    </>
  );
}
