"use client";

import { Check, Copy } from "lucide-react";
import { useState } from "react";
import { toast } from "@/components/ui/toaster";
import { cn } from "@/lib/utils";

/**
 * A button that copies an id, shown on its table row's hover and on focus; its name (hidden text, not a
 * label, so it never passes for a form field's) holds the whole id for a screen reader.
 */
export function CopyButton({ id, what }: { id: string; what: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      title={copied ? "Copied" : "Copy the id"}
      className="shrink-0 rounded p-0.5 text-muted-foreground opacity-0 hover:text-foreground focus-visible:opacity-100 focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none [tr:hover_&]:opacity-100"
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(id);
          setCopied(true);
          setTimeout(() => setCopied(false), 1500);
        } catch {
          toast.error("The browser did not allow copying. Select the id and copy it by hand.");
        }
      }}
    >
      {copied ? <Check className="size-3.5" aria-hidden /> : <Copy className="size-3.5" aria-hidden />}
      <span className="sr-only">
        Copy the {what} id {id}
      </span>
    </button>
  );
}

/** An id in a table: one line, cut short with the whole id on hover and while its copy button has focus. */
export function CopyId({ id, what, className }: { id: string; what: string; className?: string }) {
  return (
    <span className={cn("group/id flex min-w-0 items-center gap-1", className)}>
      <span
        className="truncate font-mono text-xs text-muted-foreground group-focus-within/id:whitespace-normal group-focus-within/id:[overflow-wrap:anywhere]"
        title={id}
      >
        {id}
      </span>
      <CopyButton id={id} what={what} />
    </span>
  );
}
