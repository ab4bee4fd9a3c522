"use client";

import { Ban, KeyRound, MonitorSmartphone, MoreHorizontal, RotateCcw, Shield } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormError } from "@/components/forms/field";
import { formFields, useAction } from "@/components/forms/use-action";
import { useFinish } from "@/components/forms/use-finish";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { changeRole, disableAccount, enableAccount, endAccountSessions, resetPassword } from "@/lib/actions/accounts";
import type { Role } from "@/lib/auth/roles";
import { OneTimePassword } from "./one-time-password";
import { RoleSelect } from "./role-select";

export interface AccountRowView {
  id: string;
  email: string;
  role: Role;
  disabled: boolean;
  self: boolean;
}

type Step = "role" | "reset" | "sessions" | "disable" | "enable";

const confirmations: Record<Exclude<Step, "role">, { title: string; body: (email: string) => string; button: string }> = {
  reset: {
    title: "Reset password",
    body: (e) => `${e} gets a new one-time password, shown once here. The old password stops working and every session of ${e} ends.`,
    button: "Reset password",
  },
  sessions: {
    title: "Sign out everywhere",
    body: (e) => `Every open session of ${e}, on every device, ends on its next click.`,
    button: "Sign out everywhere",
  },
  disable: {
    title: "Disable account",
    body: (e) => `${e} is signed out at once and cannot sign in until re-enabled. Nothing else changes.`,
    button: "Disable",
  },
  enable: { title: "Re-enable account", body: (e) => `${e} can sign in again with their current password.`, button: "Re-enable" },
};

/** The row menu of the accounts table: each change asks first and says what it will do. */
export function AccountActions({ account }: { account: AccountRowView }) {
  const router = useRouter();
  const [step, setStep] = useState<Step | null>(null);
  const [issued, setIssued] = useState<string | null>(null);
  const role = useAction(changeRole);
  const reset = useAction(resetPassword);
  const sessions = useAction(endAccountSessions);
  const disable = useAction(disableAccount);
  const enable = useAction(enableAccount);
  const current = step === "role" ? role : step === "reset" ? reset : step === "sessions" ? sessions : step === "disable" ? disable : enable;

  function close() {
    setStep(null);
    setIssued(null);
    for (const a of [role, reset, sessions, disable, enable]) a.reset();
  }
  const done = useFinish(close);
  function confirm() {
    const input = { accountId: account.id };
    if (step === "reset")
      reset.run(input, (d) => {
        router.refresh();
        setIssued(d.oneTimePassword);
      });
    if (step === "sessions") sessions.run(input, () => done(`Every session of ${account.email} was ended.`));
    if (step === "disable") disable.run(input, () => done(`${account.email} is disabled.`));
    if (step === "enable") enable.run(input, () => done(`${account.email} can sign in again.`));
  }

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="icon" aria-label={`Actions for ${account.email}`}>
            <MoreHorizontal aria-hidden />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          <DropdownMenuItem onSelect={() => setStep("role")}>
            <Shield aria-hidden /> Change role
          </DropdownMenuItem>
          <DropdownMenuItem disabled={account.self} onSelect={() => setStep("reset")}>
            <KeyRound aria-hidden /> Reset password
          </DropdownMenuItem>
          <DropdownMenuItem onSelect={() => setStep("sessions")}>
            <MonitorSmartphone aria-hidden /> Sign out everywhere
          </DropdownMenuItem>
          <DropdownMenuSeparator />
          {account.disabled ? (
            <DropdownMenuItem onSelect={() => setStep("enable")}>
              <RotateCcw aria-hidden /> Re-enable
            </DropdownMenuItem>
          ) : (
            <DropdownMenuItem disabled={account.self} onSelect={() => setStep("disable")} className="text-destructive">
              <Ban aria-hidden /> Disable
            </DropdownMenuItem>
          )}
        </DropdownMenuContent>
      </DropdownMenu>
      <Dialog open={step !== null} onOpenChange={(open) => !open && close()}>
        <DialogContent>
          {step === "role" ? (
            <form
              id={role.formId}
              onSubmit={(event) => {
                event.preventDefault();
                role.run({ accountId: account.id, ...formFields(event.currentTarget) }, (d) => done(`${account.email} is now ${d.role}.`));
              }}
              className="space-y-4"
              aria-label={`Change role of ${account.email}`}
            >
              <DialogHeader>
                <DialogTitle>Change role</DialogTitle>
                <DialogDescription>{account.email}&apos;s open sessions pick the new role up on their next click.</DialogDescription>
              </DialogHeader>
              <FormError message={role.error?.message} />
              <RoleSelect id="new-role" defaultValue={account.role} error={role.fieldError("role")} />
              <DialogFooter>
                <Button type="submit" pending={role.pending} pendingLabel="Saving…">
                  Save role
                </Button>
              </DialogFooter>
            </form>
          ) : step ? (
            <>
              <DialogHeader>
                <DialogTitle>{issued ? "Password reset" : confirmations[step].title}</DialogTitle>
                <DialogDescription>{issued ? "Pass the one-time password on now." : confirmations[step].body(account.email)}</DialogDescription>
              </DialogHeader>
              {issued ? <OneTimePassword email={account.email} password={issued} /> : <FormError message={current.error?.message} />}
              <DialogFooter>
                {issued ? (
                  <Button onClick={close}>Done</Button>
                ) : (
                  <>
                    <Button variant="outline" onClick={close}>
                      Cancel
                    </Button>
                    <Button variant={step === "disable" ? "destructive" : "default"} pending={current.pending} pendingLabel="Working…" onClick={confirm}>
                      {confirmations[step].button}
                    </Button>
                  </>
                )}
              </DialogFooter>
            </>
          ) : null}
        </DialogContent>
      </Dialog>
    </>
  );
}
