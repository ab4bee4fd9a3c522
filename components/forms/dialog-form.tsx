"use client";

import { FormError } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";

/**
 * The form inside an action dialog: title (also the form's name), description, the form-level error, the
 * fields, and one submit button that says it is working and cannot be pressed twice. Given the action's
 * `formId` as `id`, its first invalid field takes focus when the action refuses the input.
 */
export function DialogForm({
  title,
  description,
  error,
  submit,
  pending,
  pendingLabel,
  destructive = false,
  noValidate = false,
  onSubmit,
  children,
  id,
}: {
  title: string;
  description?: React.ReactNode;
  error: string | undefined;
  submit: string;
  pending: boolean;
  pendingLabel: string;
  destructive?: boolean;
  /** Leave checking to the action's schema (messages beside the fields) rather than the browser. */
  noValidate?: boolean;
  onSubmit: (form: HTMLFormElement) => void;
  children?: React.ReactNode;
  /** The action's `formId`. */
  id?: string;
}) {
  return (
    <form
      id={id}
      aria-label={title}
      className="space-y-4"
      noValidate={noValidate}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(e.currentTarget);
      }}
    >
      <DialogHeader>
        <DialogTitle>{title}</DialogTitle>
        {description && <DialogDescription>{description}</DialogDescription>}
      </DialogHeader>
      <FormError message={error} />
      {children}
      <DialogFooter>
        <Button type="submit" variant={destructive ? "destructive" : "default"} pending={pending} pendingLabel={pendingLabel}>
          {submit}
        </Button>
      </DialogFooter>
    </form>
  );
}
