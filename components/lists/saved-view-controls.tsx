"use client";

import { X } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { DialogForm } from "@/components/forms/dialog-form";
import { Field } from "@/components/forms/field";
import { formFields, useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toaster";
import { createSavedView, deleteSavedView } from "@/lib/actions/saved-views";
import type { SavedViewPage } from "@/lib/saved-views/schemas";

/** Names the list's current filters and saves them for the whole team. */
export function SaveViewButton({ page, query }: { page: SavedViewPage; query: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const save = useAction(createSavedView);
  return (
    <>
      <Button variant="outline" size="sm" onClick={() => setOpen(true)}>
        Save this view
      </Button>
      <Dialog open={open} onOpenChange={(next) => (setOpen(next), next || save.reset())}>
        <DialogContent>
          <DialogForm
            title="Save this view"
            description="The filters are saved on the server under a name, for everyone who uses this console."
            error={save.formError("query")}
            submit="Save view"
            pending={save.pending}
            pendingLabel="Saving…"
            noValidate
            onSubmit={(form) =>
              save.run({ page, query, ...formFields(form) }, (view) => {
                toast.success(`Saved “${view.name}”: everyone on the team sees it.`);
                setOpen(false);
                router.refresh();
              })
            }
          >
            <Field id="name" label="View name" autoComplete="off" maxLength={61} error={save.fieldError("name")} />
          </DialogForm>
        </DialogContent>
      </Dialog>
    </>
  );
}

/** Deletes a saved view (its author or an admin), after a confirmation. */
export function DeleteViewButton({ viewId, name }: { viewId: string; name: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const remove = useAction(deleteSavedView);
  return (
    <>
      <button type="button" className="ml-1 rounded-full p-1 hover:bg-muted" aria-label={`Delete view ${name}`} onClick={() => setOpen(true)}>
        <X className="size-3" aria-hidden />
      </button>
      <Dialog open={open} onOpenChange={(next) => (setOpen(next), next || remove.reset())}>
        <DialogContent>
          <DialogForm
            title={`Delete the view “${name}”?`}
            description="It disappears for everyone on the team. The events themselves are not touched."
            error={remove.formError()}
            submit="Delete view"
            pending={remove.pending}
            pendingLabel="Deleting…"
            destructive
            onSubmit={() =>
              remove.run({ viewId }, () => {
                setOpen(false);
                router.refresh();
              })
            }
          />
        </DialogContent>
      </Dialog>
    </>
  );
}
