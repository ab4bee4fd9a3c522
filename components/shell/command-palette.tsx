"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useSearch } from "@/components/forms/use-search";
import { jumpQuery } from "@/lib/queries/search";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { stateLabels } from "@/components/live-events/state-badge";
import { endResultText } from "@/lib/calls/end-results";
import { isPathSegment, liveEventPath, userPath } from "@/lib/paths";
import type { JumpResults } from "@/lib/users/jump";
import { cn } from "@/lib/utils";

interface Target {
  href: string;
  label: string;
  detail: string;
}

function targetsOf(results: JumpResults): Target[] {
  const targets: Target[] = [];
  if (results.liveEvent) {
    const e = results.liveEvent;
    targets.push({ href: liveEventPath(e.id), label: e.title || "Untitled event", detail: `Live event · ${stateLabels[e.state] ?? e.state} · ${e.id}` });
  }
  if (results.call) {
    const c = results.call;
    targets.push({
      href: c.href,
      label: `Direct call ${c.caller ?? "someone"} → ${c.callee ?? "someone"}`,
      detail: `Call · ${endResultText(c.endResult).dashboard} · ${c.callId}`,
    });
  }
  // A user whose id no address can carry (`.`, `..`) has no case file to open.
  for (const u of results.users.filter((x) => isPathSegment(x.userId)))
    targets.push({ href: userPath(u.userId), label: u.nickname || u.userId, detail: `User · ${u.userId}${u.isActive ? "" : " · deactivated"}` });
  return targets;
}

/** Jump to a user, a live event or a call by id (users by nickname too): type, move with the arrow keys, Enter opens. */
export function CommandPalette({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const router = useRouter();
  const [q, setQ] = useState("");
  const search = useSearch(q, jumpQuery, 200);
  const [active, setActive] = useState(0);

  const targets = search.kind === "done" ? targetsOf(search.result) : [];
  const go = (target: Target | undefined) => {
    if (!target) return;
    onOpenChange(false);
    setQ("");
    router.push(target.href);
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="top-24 translate-y-0 gap-3 p-4" showCloseButton={false}>
        <DialogTitle className="sr-only">Jump to</DialogTitle>
        <DialogDescription className="sr-only">Open a user, a live event or a direct call by id, or a user by nickname.</DialogDescription>
        <Input
          autoFocus
          role="combobox"
          aria-expanded={targets.length > 0}
          aria-controls="jump-results"
          aria-activedescendant={targets[active] ? `jump-${active}` : undefined}
          aria-label="Jump to a user, live event or call"
          placeholder="User id or nickname, live event id, call id"
          value={q}
          maxLength={100}
          onChange={(e) => {
            setQ(e.target.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === "ArrowDown" || e.key === "ArrowUp") {
              e.preventDefault();
              if (targets.length) setActive((i) => (i + (e.key === "ArrowDown" ? 1 : targets.length - 1)) % targets.length);
            } else if (e.key === "Enter") {
              e.preventDefault();
              go(targets[active]);
            }
          }}
        />
        <ul id="jump-results" role="listbox" aria-label="Matches" className="max-h-80 overflow-auto">
          {targets.map((t, i) => (
            <li
              key={t.href}
              id={`jump-${i}`}
              role="option"
              aria-selected={i === active}
              className={cn("cursor-pointer rounded-md px-3 py-2 text-sm", i === active && "bg-accent text-accent-foreground")}
              onMouseEnter={() => setActive(i)}
              onClick={() => go(t)}
            >
              <span className="font-medium">{t.label}</span>
              <span className="block font-mono text-xs text-muted-foreground">{t.detail}</span>
            </li>
          ))}
        </ul>
        <p role="status" className="text-xs text-muted-foreground">
          {!q.trim() && "Users by exact id or nickname prefix; live events by exact id."}
          {q.trim() && search.kind === "searching" && "Searching…"}
          {q.trim() && search.kind === "failed" && <span className="text-destructive">{search.message}</span>}
          {q.trim() && search.kind === "done" && targets.length === 0 && `Nothing matches “${q.trim()}”.`}
        </p>
      </DialogContent>
    </Dialog>
  );
}
