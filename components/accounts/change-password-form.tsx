"use client";

import { useRouter } from "next/navigation";
import { Field, FormError } from "@/components/forms/field";
import { formFields, useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";
import { changeOwnPassword } from "@/lib/actions/accounts";
import { safeTarget } from "@/lib/auth/targets";

/** Change your own password; other sessions of the account end, this one carries on. */
export function ChangePasswordForm({ then }: { then: string | null }) {
  const router = useRouter();
  const { run, pending, error, fieldError, formId } = useAction(changeOwnPassword);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    run(formFields(form), () => {
      form.reset();
      toast.success("Password changed. Your other sessions were signed out.");
      if (then) router.replace(safeTarget(then));
      router.refresh();
    });
  }

  return (
    <form id={formId} onSubmit={onSubmit} className="max-w-sm space-y-4" noValidate aria-label="Change password">
      <FormError message={error && !error.fields ? error.message : undefined} />
      <Field id="current" label="Current password" type="password" autoComplete="current-password" required maxLength={200} error={fieldError("current")} />
      <Field
        id="next"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        maxLength={200}
        hint="At least 12 characters."
        error={fieldError("next")}
      />
      <Field id="confirm" label="New password again" type="password" autoComplete="new-password" required maxLength={200} error={fieldError("confirm")} />
      <Button type="submit" pending={pending} pendingLabel="Changing…">
        Change password
      </Button>
    </form>
  );
}
