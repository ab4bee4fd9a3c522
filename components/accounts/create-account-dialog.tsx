"use client";

import { UserPlus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Field, FormError } from "@/components/forms/field";
import { formFields, useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toaster";
import { createAccount } from "@/lib/actions/accounts";
import { OneTimePassword } from "./one-time-password";
import { RoleSelect } from "./role-select";

/** New console account: e-mail, name, role, and either a password the admin chooses or a generated one-time one. */
export function CreateAccountDialog() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [issued, setIssued] = useState<{ email: string; password: string } | null>(null);
  const { run, pending, error, fieldError, reset, formId } = useAction(createAccount);

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) {
      setIssued(null);
      reset();
    }
  }

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    run(formFields(event.currentTarget), (data) => {
      toast.success(`Account ${data.account.email} created.`);
      router.refresh();
      if (data.oneTimePassword) setIssued({ email: data.account.email, password: data.oneTimePassword });
      else onOpenChange(false);
    });
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button>
          <UserPlus aria-hidden /> New account
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{issued ? "Account created" : "New console account"}</DialogTitle>
          <DialogDescription>
            {issued ? "Pass the one-time password on now." : "The person signs in with this e-mail. No self sign-up: only accounts made here can sign in."}
          </DialogDescription>
        </DialogHeader>
        {issued ? (
          <>
            <OneTimePassword email={issued.email} password={issued.password} />
            <DialogFooter>
              <Button onClick={() => onOpenChange(false)}>Done</Button>
            </DialogFooter>
          </>
        ) : (
          <form id={formId} onSubmit={onSubmit} className="space-y-4" noValidate aria-label="New console account">
            <FormError message={error && !error.fields ? error.message : undefined} />
            <Field id="email" label="E-mail" type="email" autoComplete="off" required maxLength={320} error={fieldError("email")} />
            <Field id="name" label="Name (optional)" autoComplete="off" maxLength={100} error={fieldError("name")} />
            <RoleSelect id="role" defaultValue="support" error={fieldError("role")} />
            <Field
              id="password"
              label="Initial password (optional)"
              type="password"
              autoComplete="new-password"
              maxLength={200}
              hint="Leave empty to generate a one-time password, shown once. Either way it must be changed at first sign-in."
              error={fieldError("password")}
            />
            <DialogFooter>
              <Button type="submit" pending={pending} pendingLabel="Creating…">
                Create account
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
