"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { KeyValueEditor } from "@/components/forms/key-value-editor";
import { DialogForm } from "@/components/forms/dialog-form";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toaster";
import { removeEventCustomItem, updateEventCustomItems } from "@/lib/actions/live-events";
import type { KeyValueRow } from "@/lib/key-value-limits";
import { customItemLimits } from "@/lib/key-value-limits";

/** The event's custom items; with the operate permission, a key/value editor and removal of one key. */
export function CustomItemsCard({ liveEventId, items, canEdit }: { liveEventId: string; items: Record<string, string>; canEdit: boolean }) {
  const router = useRouter();
  const [editing, setEditing] = useState<KeyValueRow[] | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const save = useAction(updateEventCustomItems);
  const remove = useAction(removeEventCustomItem);
  const entries = Object.entries(items);
  const keys = entries.map(([k]) => k);

  return (
    <div className="space-y-3">
      {entries.length === 0 ? (
        <p className="text-sm text-muted-foreground">No custom items.</p>
      ) : (
        <dl aria-label="Custom items" className="grid grid-cols-[auto_1fr_auto] items-center gap-x-4 gap-y-1 text-sm">
          {entries.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="font-mono">{k}</dt>
              <dd className="break-all">{v}</dd>
              <dd>
                {canEdit && (
                  <Button variant="ghost" size="sm" aria-label={`Remove custom item ${k}`} onClick={() => setRemoving(k)}>
                    Remove
                  </Button>
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {canEdit && (
        <Button variant="outline" onClick={() => setEditing(entries.map(([key, value]) => ({ key, value })))}>
          Edit custom items
        </Button>
      )}
      <Dialog open={editing !== null} onOpenChange={(open) => !open && (setEditing(null), save.reset())}>
        <DialogContent>
          {editing && (
            <DialogForm
              title="Edit custom items"
              description={`Change values or add keys; to remove a key, use Remove beside it. At most ${customItemLimits.maxItems} items.`}
              error={save.formError("customItems")}
              submit="Save custom items"
              pending={save.pending}
              pendingLabel="Saving…"
              noValidate
              onSubmit={() => {
                if (editing.every((row) => items[row.key] === row.value) && editing.length === entries.length) {
                  setEditing(null);
                  return;
                }
                // Every row is sent (an unchanged value is written as it is), so a field error's index matches the row shown.
                save.run({ liveEventId, customItems: editing }, () => {
                  toast.success("Custom items saved.");
                  setEditing(null);
                  router.refresh();
                });
              }}
            >
              <KeyValueEditor name="customItems" legend="Custom items" limits={customItemLimits} rows={editing} onChange={setEditing} error={save.fieldError} lockedRows={keys.length} />
            </DialogForm>
          )}
        </DialogContent>
      </Dialog>
      <Dialog open={removing !== null} onOpenChange={(open) => !open && (setRemoving(null), remove.reset())}>
        <DialogContent>
          <DialogForm
            title={`Remove “${removing}”?`}
            description="The key and its value are deleted from the event on Sendbird."
            error={remove.formError()}
            submit="Remove"
            pending={remove.pending}
            pendingLabel="Removing…"
            destructive
            onSubmit={() =>
              removing &&
              remove.run({ liveEventId, key: removing }, () => {
                toast.success(`Removed ${removing}.`);
                setRemoving(null);
                router.refresh();
              })
            }
          />
        </DialogContent>
      </Dialog>
    </div>
  );
}
