"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { DialogForm } from "@/components/forms/dialog-form";
import { Field, FormError } from "@/components/forms/field";
import { ShownOnce } from "@/components/forms/shown-once";
import { formFields, useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toaster";
import { generateToken, revokeToken, startRotation } from "@/lib/actions/tokens";

/** A new token's value, shown once, with where it goes and that it will not be shown again. */
export function NewTokenShown({ title, token, children, onDone }: { title: string; token: string; children: React.ReactNode; onDone: () => void }) {
  return (
    <div className="space-y-4">
      <DialogHeader>
        <DialogTitle>{title}</DialogTitle>
      </DialogHeader>
      <ShownOnce label="New API token" value={token}>
        {children} It will not be shown again: Showrunner keeps only its last four characters.
      </ShownOnce>
      <DialogFooter>
        <Button onClick={onDone}>I have stored it</Button>
      </DialogFooter>
    </div>
  );
}

/** "Generate token": the value is shown once in a dialog; with every slot used, the button says why it cannot. */
export function GenerateTokenButton({ slotsUsed, slots }: { slotsUsed: number; slots: number }) {
  const router = useRouter();
  const [made, setMade] = useState<string | null>(null);
  const generate = useAction(generateToken);
  const full = slotsUsed >= slots;
  const done = () => {
    setMade(null);
    router.refresh();
  };
  return (
    <div className="space-y-1">
      <Button
        disabled={full}
        pending={generate.pending}
        pendingLabel="Generating…"
        aria-describedby={full ? "generate-full" : undefined}
        onClick={() => generate.run({}, (t) => setMade(t.token))}
      >
        Generate token
      </Button>
      {full && (
        <p id="generate-full" className="text-xs text-muted-foreground">
          All {slots} slots are used: Sendbird allows {slots} secondary tokens. Revoke one to make room.
        </p>
      )}
      <FormError message={generate.error?.message} />
      <Dialog open={made !== null} onOpenChange={(open) => !open && done()}>
        <DialogContent>
          {made && (
            <NewTokenShown title="New secondary API token" token={made} onDone={done}>
              Copy it now into the service that will use it.
            </NewTokenShown>
          )}
        </DialogContent>
      </Dialog>
    </div>
  );
}

/** A row's Rotate and Revoke: revoke asks for the last four characters typed; rotate starts the guided flow. */
export function TokenRowActions({ token, rotating }: { token: { last4: string; createdAt: number }; rotating: boolean }) {
  const router = useRouter();
  const [open, setOpen] = useState<"revoke" | "rotate" | null>(null);
  const [replacement, setReplacement] = useState<string | null>(null);
  const revoke = useAction(revokeToken);
  const rotate = useAction(startRotation);
  const close = () => {
    setOpen(null);
    setReplacement(null);
    revoke.reset();
    rotate.reset();
    router.refresh();
  };
  return (
    <div className="flex justify-end gap-2">
      <Button variant="outline" size="sm" disabled={rotating} aria-label={`Rotate token ending in ${token.last4}`} onClick={() => setOpen("rotate")}>
        Rotate
      </Button>
      <Button variant="outline" size="sm" aria-label={`Revoke token ending in ${token.last4}`} onClick={() => setOpen("revoke")}>
        Revoke
      </Button>
      <Dialog open={open !== null} onOpenChange={(o) => !o && close()}>
        <DialogContent>
          {open === "revoke" && (
            <DialogForm
              id={revoke.formId}
              title={`Revoke the token ending in ${token.last4}`}
              description={`Anything still using it stops working at once. Type ${token.last4} to confirm.`}
              error={revoke.formError()}
              submit="Revoke token"
              pending={revoke.pending}
              pendingLabel="Revoking…"
              destructive
              onSubmit={(form) =>
                revoke.run({ ...token, ...formFields(form) }, () => {
                  toast.success(`Revoked the token ending in ${token.last4}.`);
                  close();
                })
              }
            >
              <Field id="confirmation" label="Last four characters" autoComplete="off" maxLength={20} error={revoke.fieldError("confirmation")} />
            </DialogForm>
          )}
          {open === "rotate" &&
            (replacement ? (
              <NewTokenShown title={`Replacement for the token ending in ${token.last4}`} token={replacement} onDone={close}>
                Next, put it into <code>SENDBIRD_API_TOKEN</code> of every service that uses the old token, then come back to check it and revoke the old one.
              </NewTokenShown>
            ) : (
              <DialogForm
                title={`Rotate the token ending in ${token.last4}`}
                description="A replacement is generated and shown once. You then put it where the old one is used, check it works, and revoke the old one. You can leave and come back at any step."
                error={rotate.formError()}
                submit="Generate replacement"
                pending={rotate.pending}
                pendingLabel="Generating…"
                onSubmit={() => rotate.run(token, (made) => setReplacement(made.token))}
              />
            ))}
        </DialogContent>
      </Dialog>
    </div>
  );
}
