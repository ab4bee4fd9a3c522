"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { KeyValueEditor } from "@/components/forms/key-value-editor";
import { DialogForm } from "@/components/forms/dialog-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toaster";
import type { ActionResult } from "@/lib/actions/core";
import type { KeyValueRow } from "@/lib/key-value-limits";
import { customItemLimits, keyValueProblems } from "@/lib/key-value-limits";
import { ActionFailure, asMutation, failureOf } from "@/lib/queries/mutations";

type Items = Record<string, string>;
type ItemsAction<I> = (input: I) => Promise<ActionResult<Items>>;
type SaveInput = { targetId: string; customItems: KeyValueRow[] };
type RemoveInput = { targetId: string; keys: string[] };

const noEdit: ItemsAction<unknown> = () => Promise.resolve({ ok: false, error: { code: "forbidden", message: "These custom items cannot be changed here." } });

/**
 * Custom items of an event, a call or a room. Given `edit` (a call's, with the operate permission): an editor
 * (change values, add keys) and delete of the items chosen with their checkboxes. A change shows at once,
 * marked as saving; if Sendbird refuses it, the items go back as they were and the card says so (the editor
 * opens again with what was typed); if Sendbird never confirmed it, the card reads the items again. Without
 * `edit`, the items alone, and `readOnlyNote` says why when they can only be changed elsewhere.
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
  edit?: { save: ItemsAction<SaveInput>; remove: ItemsAction<RemoveInput> } | undefined;
  readOnlyNote?: string | undefined;
}) {
  const canEdit = edit !== undefined;
  const save = edit?.save ?? noEdit;
  const remove = edit?.remove ?? noEdit;
  const router = useRouter();
  const [editing, setEditing] = useState<KeyValueRow[] | null>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [chosen, setChosen] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);
  // What Sendbird answered to the last change, shown until the page's own read of the items catches up.
  const [answered, setAnswered] = useState<{ over: Items; items: Items } | null>(null);
  const [rolledBack, setRolledBack] = useState<string | null>(null);
  const afterFailure = (err: unknown, undo: string) => {
    if (err instanceof ActionFailure && err.unconfirmed) {
      setRolledBack(`${err.message} The items below are read again from Sendbird.`);
      router.refresh();
      return;
    }
    setRolledBack(`${failureOf(err)?.message ?? "The change failed."} ${undo}`);
  };
  const saving = useMutation<Items, Error, SaveInput>({
    mutationFn: asMutation(save),
    onMutate: () => setRolledBack(null),
    onSuccess: (next) => {
      setAnswered({ over: items, items: next });
      toast.success("Custom items saved.");
      router.refresh();
    },
    onError: (err, input) => {
      afterFailure(err, "Nothing was changed: the items are back as they were.");
      if (!(err instanceof ActionFailure && err.unconfirmed)) setEditing(input.customItems);
    },
  });
  const removing = useMutation<Items, Error, RemoveInput>({
    mutationFn: asMutation(remove),
    onMutate: () => setRolledBack(null),
    onSuccess: (next, input) => {
      setAnswered({ over: items, items: next });
      toast.success(input.keys.length === 1 ? `Deleted ${input.keys[0]}.` : `Deleted ${input.keys.length} custom items.`);
      setChosen([]);
      router.refresh();
    },
    onError: (err) => afterFailure(err, "Nothing was deleted: the items are back as they were."),
  });
  const held = answered && answered.over === items ? answered.items : items;
  // The change under way, shown as if made: a save's rows over the items, a delete's keys gone.
  const shown: Items = saving.isPending
    ? { ...held, ...Object.fromEntries(saving.variables.customItems.map((r) => [r.key.trim(), r.value])) }
    : removing.isPending
      ? Object.fromEntries(Object.entries(held).filter(([k]) => !removing.variables.keys.includes(k)))
      : held;
  const pendingWord = saving.isPending ? "Saving…" : removing.isPending ? "Deleting…" : null;
  const entries = Object.entries(shown);
  const keys = Object.keys(held);
  // Keys chosen earlier may have gone with a refresh: only those still held count.
  const picked = chosen.filter((k) => k in shown);
  const toggle = (key: string, on: boolean) => setChosen((list) => (on ? [...list.filter((k) => k !== key), key] : list.filter((k) => k !== key)));
  const failure = failureOf(saving.error);
  const fieldError = (name: string) => (name.startsWith("customItems.") ? problems[name.slice("customItems.".length)] : undefined) ?? failure?.fields?.[name];

  return (
    <div className="space-y-3">
      {entries.length === 0 ? (
        <p className="text-sm text-muted-foreground">No custom items.</p>
      ) : (
        <Table aria-label="Custom items" aria-busy={pendingWord !== null}>
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
      {pendingWord && (
        <p role="status" className="text-sm text-muted-foreground">
          {pendingWord} shown as it will be once Sendbird confirms.
        </p>
      )}
      {rolledBack && (
        <Alert variant="destructive">
          <AlertDescription>{rolledBack}</AlertDescription>
        </Alert>
      )}
      {!canEdit && readOnlyNote && <p className="text-xs text-muted-foreground">{readOnlyNote}</p>}
      {canEdit && (
        <div className="flex flex-wrap gap-2">
          <Button
            variant="outline"
            disabled={pendingWord !== null}
            onClick={() => (setProblems({}), setEditing(entries.map(([key, value]) => ({ key, value }))))}
          >
            Edit custom items
          </Button>
          {entries.length > 0 && (
            <Button variant="outline" disabled={picked.length === 0 || pendingWord !== null} onClick={() => setConfirming(true)}>
              {picked.length === 0 ? "Delete chosen items" : `Delete ${picked.length} chosen ${picked.length === 1 ? "item" : "items"}`}
            </Button>
          )}
        </div>
      )}
      <Dialog open={editing !== null} onOpenChange={(open) => !open && (setEditing(null), saving.reset(), setProblems({}))}>
        <DialogContent>
          {editing && (
            <DialogForm
              title="Edit custom items"
              description={`Change values or add keys; to delete keys, choose them beside the list. At most ${customItemLimits.maxItems} items.`}
              error={problems[""] ?? failure?.fields?.customItems ?? (failure && !failure.fields ? failure.message : undefined)}
              submit="Save custom items"
              pending={saving.isPending}
              pendingLabel="Saving…"
              noValidate
              onSubmit={() => {
                if (editing.every((row) => held[row.key] === row.value) && editing.length === entries.length) {
                  setEditing(null);
                  return;
                }
                const found = keyValueProblems(editing, customItemLimits);
                setProblems(found);
                if (Object.keys(found).length > 0) return;
                // Every row is sent (an unchanged value is written as it is), so a field error's index matches the row shown.
                saving.mutate({ targetId, customItems: editing });
                setEditing(null);
              }}
            >
              <KeyValueEditor
                name="customItems"
                legend="Custom items"
                limits={customItemLimits}
                rows={editing}
                onChange={setEditing}
                error={fieldError}
                lockedRows={keys.length}
              />
            </DialogForm>
          )}
        </DialogContent>
      </Dialog>
      <Dialog open={confirming} onOpenChange={(open) => !open && setConfirming(false)}>
        <DialogContent>
          <DialogForm
            title={picked.length === 1 ? `Delete “${picked[0]}”?` : `Delete ${picked.length} custom items?`}
            description={
              <>
                These keys and their values are deleted from the {noun} on Sendbird: <span className="font-mono">{picked.join(", ")}</span>.
              </>
            }
            error={undefined}
            submit="Delete"
            pending={false}
            pendingLabel="Deleting…"
            destructive
            onSubmit={() => {
              removing.mutate({ targetId, keys: picked });
              setConfirming(false);
            }}
          />
        </DialogContent>
      </Dialog>
    </div>
  );
}
