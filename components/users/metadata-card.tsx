"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FormError } from "@/components/forms/field";
import { KeyValueEditor } from "@/components/forms/key-value-editor";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Facts } from "@/components/ui/facts";
import { toast } from "@/components/ui/toaster";
import { addUserMetadata, changeUserMetadata, removeUserMetadata } from "@/lib/actions/users";
import { keyValueProblems, metadataLimits } from "@/lib/key-value-limits";
import type { KeyValueRow } from "@/lib/key-value-limits";
import { metadataChanges } from "@/lib/users/metadata-changes";
import type { MetadataChange } from "@/lib/users/metadata-changes";

type Step =
  | { at: "edit"; problems: Record<string, string> }
  | { at: "review"; changes: MetadataChange[] }
  | { at: "applying"; changes: MetadataChange[]; done: number }
  | { at: "stopped"; changes: MetadataChange[]; done: number; error: string };

const verbs = { add: "Add", change: "Change", remove: "Remove" } as const;

function send(userId: string, c: MetadataChange) {
  if (c.kind === "add") return addUserMetadata({ userId, key: c.key, value: c.value });
  if (c.kind === "change") return changeUserMetadata({ userId, key: c.key, value: c.value });
  return removeUserMetadata({ userId, key: c.key });
}

/** One change as a line a person can check before it is sent. */
function ChangeLine({ change }: { change: MetadataChange }) {
  return (
    <span>
      <span className="font-medium">{verbs[change.kind]}</span> <code className="font-mono">{change.key}</code>
      {change.kind === "add" && <>: “{change.value}”</>}
      {change.kind === "change" && (
        <>
          : “{change.previous}” → “{change.value}”
        </>
      )}
      {change.kind === "remove" && <> (was “{change.previous}”)</>}
    </span>
  );
}

/**
 * A user's metadata. Roles that manage users edit it in a dialog, see every change before it is sent, and
 * the changes go to Sendbird's metadata endpoints one key at a time, each in the audit trail; a change that
 * fails stops the rest, and the dialog says which were made.
 */
export function MetadataCard({ userId, metadata, canEdit }: { userId: string; metadata: Record<string, string>; canEdit: boolean }) {
  const router = useRouter();
  const [rows, setRows] = useState<KeyValueRow[] | null>(null);
  const [step, setStep] = useState<Step>({ at: "edit", problems: {} });
  const [, startTransition] = useTransition();
  const entries = Object.entries(metadata);
  const close = () => {
    if (step.at === "applying") return;
    if (step.at === "stopped") router.refresh();
    setRows(null);
  };
  const open = () => {
    setRows(entries.map(([key, value]) => ({ key, value })));
    setStep({ at: "edit", problems: {} });
  };
  const review = () => {
    if (!rows) return;
    const problems = keyValueProblems(rows, metadataLimits);
    if (Object.keys(problems).length > 0) return setStep({ at: "edit", problems });
    setStep({ at: "review", changes: metadataChanges(metadata, rows) });
  };
  const apply = (changes: MetadataChange[]) => {
    setStep({ at: "applying", changes, done: 0 });
    startTransition(async () => {
      for (let i = 0; i < changes.length; i += 1) {
        const change = changes[i] as MetadataChange;
        let error: string | null = null;
        try {
          const result = await send(userId, change);
          if (!result.ok) error = result.error.fields ? Object.values(result.error.fields).join(" ") : result.error.message;
        } catch {
          error = "The console could not be reached. Check your connection and try again.";
        }
        if (error !== null) {
          setStep({ at: "stopped", changes, done: i, error });
          return;
        }
        setStep({ at: "applying", changes, done: i + 1 });
      }
      toast.success(changes.length === 1 ? "Metadata saved." : `Metadata saved: ${changes.length} changes.`);
      setRows(null);
      router.refresh();
    });
  };

  return (
    <div className="space-y-3">
      {entries.length === 0 ? <p className="text-sm text-muted-foreground">No metadata.</p> : <Facts label="Metadata" keys="code" rows={entries} />}
      {canEdit && (
        <Button variant="outline" onClick={open}>
          Edit metadata
        </Button>
      )}
      <Dialog open={rows !== null} onOpenChange={(next) => !next && close()}>
        <DialogContent>
          {rows && step.at === "edit" && (
            <form
              aria-label="Edit metadata"
              className="space-y-4"
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                review();
              }}
            >
              <DialogHeader>
                <DialogTitle>Edit metadata</DialogTitle>
                <DialogDescription>Change values, add keys or remove rows. You see every change before anything is sent to Sendbird.</DialogDescription>
              </DialogHeader>
              <FormError message={step.problems[""]} />
              <KeyValueEditor
                name="metadata"
                legend="Metadata"
                limits={metadataLimits}
                rows={rows}
                onChange={setRows}
                error={(field) => (field.startsWith("metadata.") ? step.problems[field.slice("metadata.".length)] : undefined)}
              />
              <DialogFooter>
                <Button type="submit">Review changes</Button>
              </DialogFooter>
            </form>
          )}
          {rows && step.at !== "edit" && (
            <div className="space-y-4">
              <DialogHeader>
                <DialogTitle>
                  {step.changes.length === 0 ? "Nothing to change" : `Review ${step.changes.length} ${step.changes.length === 1 ? "change" : "changes"}`}
                </DialogTitle>
                <DialogDescription>
                  {step.changes.length === 0
                    ? "The metadata is the same as Sendbird has it."
                    : `Each change is sent to Sendbird on its own, in this order, and recorded in the audit trail by its key.`}
                </DialogDescription>
              </DialogHeader>
              {step.changes.length > 0 && (
                <ol aria-label="Changes" className="space-y-1 text-sm">
                  {step.changes.map((change, i) => (
                    <li key={`${change.kind}:${change.key}`} className="flex gap-2">
                      <span className="w-16 shrink-0 text-muted-foreground">
                        {step.at === "review"
                          ? `${i + 1}.`
                          : i < step.done
                            ? "Saved"
                            : step.at === "stopped" && i === step.done
                              ? "Failed"
                              : step.at === "stopped"
                                ? "Not sent"
                                : "…"}
                      </span>
                      <ChangeLine change={change} />
                    </li>
                  ))}
                </ol>
              )}
              {step.at === "stopped" && (
                <FormError
                  message={`${step.error} ${step.done === 0 ? "Nothing was changed." : `${step.done} of ${step.changes.length} ${step.done === 1 ? "change was" : "changes were"} saved before it.`} Nothing after it was sent.`}
                />
              )}
              <DialogFooter>
                {step.at === "review" && (
                  <Button variant="outline" onClick={() => setStep({ at: "edit", problems: {} })}>
                    Back
                  </Button>
                )}
                {(step.at === "review" || step.at === "applying") && step.changes.length > 0 && (
                  <Button pending={step.at === "applying"} pendingLabel="Saving…" onClick={() => apply(step.changes)}>
                    {step.changes.length === 1 ? "Save 1 change" : `Save ${step.changes.length} changes`}
                  </Button>
                )}
                {step.at === "stopped" && <Button onClick={close}>Close and reload</Button>}
              </DialogFooter>
            </div>
          )}
        </DialogContent>
      </Dialog>
    </div>
  );
}
