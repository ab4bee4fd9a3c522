"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { KeyValueEditor } from "@/components/forms/key-value-editor";
import { DialogForm } from "@/components/forms/dialog-form";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toaster";
import type { ActionResult } from "@/lib/actions/core";
import type { KeyValueRow } from "@/lib/key-value-limits";
import { customItemLimits } from "@/lib/key-value-limits";

type Items = Record<string, string>;
type ItemsAction<I> = (input: I) => Promise<ActionResult<Items>>;

const noEdit: ItemsAction<unknown> = () => Promise.resolve({ ok: false, error: { code: "forbidden", message: "These custom items cannot be changed here." } });

/**
 * Custom items of an event, a call or a room. Given `edit` (a call's, with the operate permission): an editor
 * (change values, add keys) and delete of the items chosen with their checkboxes. Without it, the items alone,
 * and `readOnlyNote` says why when they can only be changed elsewhere.
 */
export function CustomItemsCard({
  targetId,
  noun,
  items,
  edit,
  readOnlyNote,
}: {
  targetId: string;
  /** What holds the items, for the dialogs' words: "event", "call", "room". */
  noun: string;
  items: Items;
  edit?: { save: ItemsAction<{ targetId: string; customItems: KeyValueRow[] }>; remove: ItemsAction<{ targetId: string; keys: string[] }> } | undefined;
  readOnlyNote?: string | undefined;
}) {
  const canEdit = edit !== undefined;
  const save = edit?.save ?? noEdit;
  const remove = edit?.remove ?? noEdit;
  const router = useRouter();
  const [editing, setEditing] = useState<KeyValueRow[] | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);
  const saving = useAction(save);
  const removing = useAction(remove);
  const entries = Object.entries(items);
  const keys = entries.map(([k]) => k);
  // Keys chosen earlier may have gone with a refresh: only those still held count.
  const picked = chosen.filter((k) => k in items);
  const toggle = (key: string, on: boolean) => setChosen((list) => (on ? [...list.filter((k) => k !== key), key] : list.filter((k) => k !== key)));

  return (
    <div className="space-y-3">
      {entries.length === 0 ? (
        <p className="text-sm text-muted-foreground">No custom items.</p>
      ) : (
        <Table aria-label="Custom items">
          <TableHeader>
            <TableRow>
              {canEdit && <TableHead className="w-8">Choose</TableHead>}
              <TableHead>Key</TableHead>
              <TableHead>Value</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {entries.map(([k, v]) => (
              <TableRow key={k}>
                {canEdit && (
                  <TableCell>
                    <input
                      type="checkbox"
                      aria-label={`Choose custom item ${k}`}
                      checked={picked.includes(k)}
                      onChange={(e) => toggle(k, e.target.checked)}
                      className="size-4 accent-primary"
                    />
                  </TableCell>
                )}
                <TableCell className="font-mono">{k}</TableCell>
                <TableCell className="break-all whitespace-normal">{v}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {!canEdit && readOnlyNote && <p className="text-xs text-muted-foreground">{readOnlyNote}</p>}
      {canEdit && (
        <div className="flex flex-wrap gap-2">
          <Button variant="outline" onClick={() => setEditing(entries.map(([key, value]) => ({ key, value })))}>
            Edit custom items
          </Button>
          {entries.length > 0 && (
            <Button variant="outline" disabled={picked.length === 0} onClick={() => setConfirming(true)}>
              {picked.length === 0 ? "Delete chosen items" : `Delete ${picked.length} chosen ${picked.length === 1 ? "item" : "items"}`}
            </Button>
          )}
        </div>
      )}
      <Dialog open={editing !== null} onOpenChange={(open) => !open && (setEditing(null), saving.reset())}>
        <DialogContent>
          {editing && (
            <DialogForm
              title="Edit custom items"
              description={`Change values or add keys; to delete keys, choose them beside the list. At most ${customItemLimits.maxItems} items.`}
              error={saving.formError("customItems")}
              submit="Save custom items"
              pending={saving.pending}
              pendingLabel="Saving…"
              noValidate
              onSubmit={() => {
                if (editing.every((row) => items[row.key] === row.value) && editing.length === entries.length) {
                  setEditing(null);
                  return;
                }
                // Every row is sent (an unchanged value is written as it is), so a field error's index matches the row shown.
                saving.run({ targetId, customItems: editing }, () => {
                  toast.success("Custom items saved.");
                  setEditing(null);
                  router.refresh();
                });
              }}
            >
              <KeyValueEditor
                name="customItems"
                legend="Custom items"
                limits={customItemLimits}
                rows={editing}
                onChange={setEditing}
                error={saving.fieldError}
                lockedRows={keys.length}
              />
            </DialogForm>
          )}
        </DialogContent>
      </Dialog>
      <Dialog open={confirming} onOpenChange={(open) => !open && (setConfirming(false), removing.reset())}>
        <DialogContent>
          <DialogForm
            title={picked.length === 1 ? `Delete “${picked[0]}”?` : `Delete ${picked.length} custom items?`}
            description={
              <>
                These keys and their values are deleted from the {noun} on Sendbird: <span className="font-mono">{picked.join(", ")}</span>.
              </>
            }
            error={removing.formError()}
            submit="Delete"
            pending={removing.pending}
            pendingLabel="Deleting…"
            destructive
            onSubmit={() =>
              removing.run({ targetId, keys: picked }, () => {
                toast.success(picked.length === 1 ? `Deleted ${picked[0]}.` : `Deleted ${picked.length} custom items.`);
                setConfirming(false);
                setChosen([]);
                router.refresh();
              })
            }
          />
        </DialogContent>
      </Dialog>
    </div>
  );
}
