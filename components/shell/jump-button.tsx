"use client";

import { Search } from "lucide-react";
import dynamic from "next/dynamic";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import type { Permission } from "@/lib/auth/permissions";

// The palette's code loads on first use, so no page pays for it up front.
const CommandPalette = dynamic(() => import("./command-palette").then((m) => m.CommandPalette), { ssr: false });

/** "Jump to…" in the header, and Ctrl-K / Cmd-K from any page. */
export function JumpButton({ allowed }: { allowed: readonly Permission[] }) {
  const [open, setOpen] = useState(false);
  const [used, setUsed] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "k") {
        e.preventDefault();
        setUsed(true);
        setOpen((o) => !o);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return (
    <>
      <Button
        variant="outline"
        size="sm"
        className="gap-2 text-muted-foreground"
        aria-keyshortcuts="Control+K Meta+K"
        onClick={() => {
          setUsed(true);
          setOpen(true);
        }}
      >
        <Search aria-hidden />
        {/* On a phone the words are for screen readers only: the button is its icon. */}
        <span className="sr-only sm:not-sr-only">Jump to…</span>
        <kbd aria-hidden className="hidden rounded border px-1 font-mono text-[10px] lg:inline">
          Ctrl K
        </kbd>
      </Button>
      {used && <CommandPalette open={open} onOpenChange={setOpen} allowed={allowed} />}
    </>
  );
}
