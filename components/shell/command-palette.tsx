"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { useSearch } from "@/components/forms/use-search";
import { jumpQuery } from "@/lib/queries/search";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { stateLabels } from "@/components/live-events/state-badge";
import type { Permission } from "@/lib/auth/permissions";
import { endResultText } from "@/lib/calls/end-results";
import { isPathSegment, liveEventPath, userPath } from "@/lib/paths";
import type { JumpResults } from "@/lib/users/jump";
import { cn } from "@/lib/utils";
import { consolePages } from "./nav-items";
import { readRecents, rememberRecent } from "./recents";
import type { JumpTarget } from "./recents";

interface Option extends JumpTarget {
  group: "Recent" | "Pages" | "Live events" | "Calls" | "Users";
}

const eventOption = (e: JumpResults["liveEvents"][number]): Option => ({
  group: "Live events",
  href: liveEventPath(e.id),
  label: e.title || "Untitled event",
  detail: `Live event · ${stateLabels[e.state] ?? e.state} · ${e.by === "title" ? "title matches · " : ""}${e.id}`,
});

/** What the search found: things named by their exact id first, then users, then events by words of their title. */
function found(results: JumpResults): Option[] {
  const options: Option[] = results.liveEvents.filter((e) => e.by === "id").map(eventOption);
  if (results.call) {
    const c = results.call;
    options.push({
      group: "Calls",
      href: c.href,
      label: `Direct call ${c.caller ?? "someone"} → ${c.callee ?? "someone"}`,
      detail: `Call · ${endResultText(c.endResult).dashboard} · ${c.callId}`,
    });
  }
  // A user whose id no address can carry (`.`, `..`) has no case file to open.
  for (const u of results.users.filter((x) => isPathSegment(x.userId)))
    options.push({
      group: "Users",
      href: userPath(u.userId),
      label: u.nickname || u.userId,
      detail: `User · ${u.userId}${u.isActive ? "" : " · deactivated"}`,
    });
  return [...options, ...results.liveEvents.filter((e) => e.by === "title").map(eventOption)];
}

const matches = (t: JumpTarget, q: string) => `${t.label} ${t.detail}`.toLowerCase().includes(q.toLowerCase());

/** Recents first, then pages, then what the search found; each address once. */
function optionsFor(q: string, recents: JumpTarget[], allowed: readonly Permission[], results: JumpResults | null): Option[] {
  const term = q.trim();
  const pages = consolePages
    .filter((p) => allowed.includes(p.permission))
    .map((p): Option => ({ group: "Pages", href: p.href, label: p.label, detail: `Page · ${p.href}` }));
  const all: Option[] = [
    ...recents.filter((t) => !term || matches(t, term)).map((t): Option => ({ ...t, group: "Recent" })),
    ...(term ? pages.filter((p) => matches(p, term)) : []),
    ...(results ? found(results) : []),
  ];
  const seen = new Set<string>();
  return all.filter((o) => !seen.has(o.href) && seen.add(o.href));
}

/**
 * Jump to a console page by name, a user (id or nickname), a live event (id or title) or a call (id); what
 * was opened recently comes first. Type, move with the arrow keys, Enter opens.
 */
export function CommandPalette({ open, onOpenChange, allowed }: { open: boolean; onOpenChange: (open: boolean) => void; allowed: readonly Permission[] }) {
  const router = useRouter();
  const [q, setQ] = useState("");
  const search = useSearch(q, jumpQuery, 200);
  const [active, setActive] = useState(0);
  // Read again each time the palette opens (it is only ever rendered in the browser: no server render to match).
  const recents = useMemo(() => (open ? readRecents() : []), [open]);
  const list = useRef<HTMLUListElement>(null);

  const options = optionsFor(q, recents, allowed, search.kind === "done" ? search.result : null);
  const selected = Math.min(active, Math.max(0, options.length - 1));
  useEffect(() => {
    list.current?.querySelector(`#jump-${selected}`)?.scrollIntoView({ block: "nearest" });
  }, [selected]);
  const go = (option: Option | undefined) => {
    if (!option) return;
    if (option.group !== "Pages") rememberRecent({ href: option.href, label: option.label, detail: option.detail });
    onOpenChange(false);
    setQ("");
    router.push(option.href);
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="top-24 translate-y-0 gap-3 p-4" showCloseButton={false}>
        <DialogTitle className="sr-only">Jump to</DialogTitle>
        <DialogDescription className="sr-only">Open a console page, a user, a live event or a direct call; recently opened ones come first.</DialogDescription>
        <Input
          autoFocus
          role="combobox"
          aria-expanded={options.length > 0}
          aria-controls="jump-results"
          aria-activedescendant={options[selected] ? `jump-${selected}` : undefined}
          aria-label="Jump to a page, user, live event or call"
          placeholder="Page, user id or nickname, event title or id, call id"
          value={q}
          maxLength={100}
          onChange={(e) => {
            setQ(e.target.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === "ArrowDown" || e.key === "ArrowUp") {
              e.preventDefault();
              if (options.length) setActive((selected + (e.key === "ArrowDown" ? 1 : options.length - 1)) % options.length);
            } else if (e.key === "Enter") {
              e.preventDefault();
              go(options[selected]);
            }
          }}
        />
        <ul ref={list} id="jump-results" role="listbox" aria-label="Matches" className="max-h-80 overflow-auto">
          {options.map((o, i) => (
            <li
              key={o.href}
              id={`jump-${i}`}
              role="option"
              aria-selected={i === selected}
              className={cn("cursor-pointer rounded-md px-3 py-2 text-sm", i === selected && "bg-accent text-accent-foreground")}
              onMouseEnter={() => setActive(i)}
              onClick={() => go(o)}
            >
              {(i === 0 || options[i - 1]?.group !== o.group) && (
                <span className="mb-1 block text-[10px] font-medium uppercase tracking-wide text-muted-foreground">{o.group}</span>
              )}
              <span className="font-medium">{o.label}</span>
              <span className="block truncate font-mono text-xs text-muted-foreground">{o.detail}</span>
            </li>
          ))}
        </ul>
        <p role="status" className="text-xs text-muted-foreground">
          {!q.trim() &&
            (recents.length
              ? "Recently opened. Type to search pages, users, events and calls."
              : "Pages by name; users by id or nickname; live events by title or id; calls by id.")}
          {q.trim() && search.kind === "searching" && "Searching…"}
          {q.trim() && search.kind === "failed" && <span className="text-destructive">{search.message}</span>}
          {q.trim() && search.kind === "done" && options.length === 0 && `Nothing matches “${q.trim()}”.`}
        </p>
      </DialogContent>
    </Dialog>
  );
}
