"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { DialogForm } from "@/components/forms/dialog-form";
import { Field } from "@/components/forms/field";
import { formFields } from "@/components/forms/use-action";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toaster";
import { createSavedView, deleteSavedView } from "@/lib/actions/saved-views";
import { asMutation, failureOf } from "@/lib/queries/mutations";
import { savedViewNameSchema } from "@/lib/saved-views/schemas";
import type { SavedViewPage } from "@/lib/saved-views/schemas";
import { createKey, deleteKey } from "./saved-view-keys";
import type { CreateInput, Created } from "./saved-view-keys";

type Open = { open: boolean; onOpenChange: (open: boolean) => void };

/** "Save this view": the name, checked here first; the chip shows before the server answers, and a refusal opens this again saying why. */
export function SaveViewDialog({ page, query, open, onOpenChange }: { page: SavedViewPage; query: string } & Open) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const save = useMutation({
    mutationKey: createKey(page),
    mutationFn: asMutation<CreateInput, Created>(createSavedView),
    onSuccess: (view) => {
      toast.success(`Saved “${view.name}”: everyone on the team sees it.`);
      router.refresh();
    },
    onError: (err) => {
      const failure = failureOf(err);
      setProblem(failure?.fields?.name ?? failure?.fields?.query ?? failure?.message);
      onOpenChange(true);
    },
  });
  return (
    <Dialog open={open} onOpenChange={(next) => (onOpenChange(next), next || setProblem(undefined))}>
      <DialogContent>
        <DialogForm
          title="Save this view"
          description="The filters are saved on the server under a name, for everyone who uses this console."
          error={undefined}
          submit="Save view"
          pending={save.isPending}
          pendingLabel="Saving…"
          noValidate
          onSubmit={(form) => {
            const typed = formFields(form).name ?? "";
            setName(typed);
            const checked = savedViewNameSchema.safeParse(typed);
            if (!checked.success) return setProblem(checked.error.issues[0]?.message);
            setProblem(undefined);
            onOpenChange(false);
            save.mutate({ page, query, name: typed });
          }}
        >
          <Field id="name" label="View name" autoComplete="off" maxLength={61} defaultValue={name} error={problem} />
        </DialogForm>
      </DialogContent>
    </Dialog>
  );
}

/** "Delete the view?": the chip goes at once and comes back, with a message, if the server refuses. */
export function DeleteViewDialog({ page, viewId, name, open, onOpenChange }: { page: SavedViewPage; viewId: string; name: string } & Open) {
  const router = useRouter();
  const remove = useMutation({
    mutationKey: deleteKey(page),
    mutationFn: asMutation(deleteSavedView),
    onSuccess: () => router.refresh(),
    onError: (err) => toast.error(`“${name}” was not deleted: ${failureOf(err)?.message ?? "the change failed."} It is back in the list.`),
  });
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogForm
          title={`Delete the view “${name}”?`}
          description="It disappears for everyone on the team. The events themselves are not touched."
          error={undefined}
          submit="Delete view"
          pending={false}
          pendingLabel="Deleting…"
          destructive
          onSubmit={() => {
            onOpenChange(false);
            remove.mutate({ viewId });
          }}
        />
      </DialogContent>
    </Dialog>
  );
}
