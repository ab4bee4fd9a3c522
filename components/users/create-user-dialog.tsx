"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { DialogForm } from "@/components/forms/dialog-form";
import { Field } from "@/components/forms/field";
import { useAction } from "@/components/forms/use-action";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toaster";
import { createUser } from "@/lib/actions/users";
import { userPath } from "@/lib/paths";
import { createUserSchema } from "@/lib/users/schemas";
import { UserFormFields } from "./user-form-fields";
import type { UserFormValues } from "./user-form-fields";

const empty: UserFormValues = { nickname: "", profileUrl: "", metadata: [] };

/** The "New user" dialog: id, nickname, profile URL and metadata, every limit checked before anything is sent. */
export function CreateUserDialog({ open, setOpen }: { open: boolean; setOpen: (open: boolean) => void }) {
  const router = useRouter();
  const [userId, setUserId] = useState("");
  const [values, setValues] = useState(empty);
  const input = { userId, ...values };
  const create = useAction(createUser, { schema: createUserSchema, input });
  return (
    <Dialog open={open} onOpenChange={(next) => (setOpen(next), next || create.reset())}>
      <DialogContent>
        <DialogForm
          id={create.formId}
          title="New user"
          description="A user of the application in Sendbird (not a console account). Avoid personal data in the id."
          error={create.formError("metadata")}
          submit="Create user"
          pending={create.pending}
          pendingLabel="Creating…"
          noValidate
          onSubmit={() =>
            create.run(input, (user) => {
              toast.success(`Created ${user.userId}.`);
              setOpen(false);
              setUserId("");
              setValues(empty);
              router.push(userPath(user.userId));
            })
          }
        >
          <Field
            id="userId"
            label="User id"
            value={userId}
            autoComplete="off"
            onChange={(e) => setUserId(e.target.value)}
            hint="Up to 80 characters."
            error={create.fieldError("userId")}
          />
          <UserFormFields values={values} onChange={setValues} error={create.fieldError} />
        </DialogForm>
      </DialogContent>
    </Dialog>
  );
}
