"use client";

import { useMutationState } from "@tanstack/react-query";
import { X } from "lucide-react";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { SavedViewPage } from "@/lib/saved-views/schemas";
import { cn } from "@/lib/utils";
import { createKey, deleteKey } from "./saved-view-keys";
import type { CreateInput, Created } from "./saved-view-keys";

const SaveViewDialog = dynamic(() => import("./saved-view-dialogs").then((m) => m.SaveViewDialog), { ssr: false });
const DeleteViewDialog = dynamic(() => import("./saved-view-dialogs").then((m) => m.DeleteViewDialog), { ssr: false });

/** A saved view as the chips show it; `deletable` when the viewer may delete it. */
export interface ViewChip {
  id: string;
  name: string;
  query: string;
  createdBy: string;
  deletable: boolean;
}

/**
 * The chips of a page's saved views, with what is being saved or deleted shown at once: a new view appears
 * marked "saving…", a deleted one disappears; if the server refuses, it comes back (or goes) and a message
 * says so. `views` is the page's own read, which a refresh brings up to date.
 */
export function SavedViewChips({ page, query, views }: { page: SavedViewPage; query: string; views: ViewChip[] }) {
  const saving = useMutationState({
    filters: { mutationKey: createKey(page), status: "pending" },
    select: (m) => m.state.variables as CreateInput,
  });
  const saved = useMutationState({
    filters: { mutationKey: createKey(page), status: "success" },
    select: (m) => ({ ...(m.state.variables as CreateInput), id: (m.state.data as Created).id }),
  });
  const deleting = useMutationState({
    filters: { mutationKey: deleteKey(page), status: "pending" },
    select: (m) => (m.state.variables as { viewId: string }).viewId,
  });
  const deleted = useMutationState({
    filters: { mutationKey: deleteKey(page), status: "success" },
    select: (m) => (m.state.variables as { viewId: string }).viewId,
  });
  const known = new Set(views.map((v) => v.id));
  const gone = new Set([...deleting, ...deleted]);
  // Views saved here that the page's read does not hold yet, then the ones still being saved.
  const shown: (ViewChip & { pending?: boolean })[] = [
    ...views,
    ...saved.filter((v) => !known.has(v.id)).map((v) => ({ id: v.id, name: v.name.trim(), query: v.query, createdBy: "you", deletable: true })),
  ].filter((v) => !gone.has(v.id));
  const current = shown.find((v) => v.query === query);
  const pending = saving.map((v, i) => ({ id: `saving-${i}`, name: v.name.trim(), query: v.query, createdBy: "you", deletable: false, pending: true }));
  return (
    <nav aria-label="Saved views" className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-muted-foreground">Saved views:</span>
      {shown.length + pending.length === 0 && <span className="text-muted-foreground">none yet.</span>}
      <ul className="contents">
        {[...shown, ...pending].map((v) => (
          <li
            key={v.id}
            aria-busy={v.pending}
            className={cn("flex items-center rounded-full border pl-3", v === current && "border-primary bg-primary/10", v.pending && "opacity-60")}
          >
            <Link
              href={`/${page}${v.query}`}
              aria-current={v === current ? "page" : undefined}
              title={v.pending ? "Saving…" : `Saved by ${v.createdBy}`}
              className="py-0.5 hover:underline"
            >
              {v.name}
              {v.pending && <span className="text-muted-foreground"> (saving…)</span>}
            </Link>
            {v.deletable ? <DeleteViewButton page={page} viewId={v.id} name={v.name} /> : <span className="w-3" />}
          </li>
        ))}
      </ul>
      {!current && <SaveViewButton page={page} query={query} saving={pending.length > 0} />}
    </nav>
  );
}

/** Names the list's current filters and saves them for the whole team; the dialog's code loads on first use. */
export function SaveViewButton({ page, query, saving }: { page: SavedViewPage; query: string; saving: boolean }) {
  const [open, setOpen] = useState(false);
  const [used, setUsed] = useState(false);
  return (
    <>
      <Button variant="outline" size="sm" disabled={saving} onClick={() => (setUsed(true), setOpen(true))}>
        Save this view
      </Button>
      {used && <SaveViewDialog page={page} query={query} open={open} onOpenChange={setOpen} />}
    </>
  );
}

/** Deletes a saved view (its author or an admin), after a confirmation; the dialog's code loads on first use. */
export function DeleteViewButton({ page, viewId, name }: { page: SavedViewPage; viewId: string; name: string }) {
  const [open, setOpen] = useState(false);
  const [used, setUsed] = useState(false);
  return (
    <>
      <button type="button" className="ml-1 rounded-full p-1 hover:bg-muted" aria-label={`Delete view ${name}`} onClick={() => (setUsed(true), setOpen(true))}>
        <X className="size-3" aria-hidden />
      </button>
      {used && <DeleteViewDialog page={page} viewId={viewId} name={name} open={open} onOpenChange={setOpen} />}
    </>
  );
}
