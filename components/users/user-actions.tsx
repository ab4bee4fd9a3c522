"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { DialogForm } from "@/components/forms/dialog-form";
import { Field, FormError } from "@/components/forms/field";
import { NativeSelect } from "@/components/forms/filter-form";
import { ShownOnce } from "@/components/forms/shown-once";
import { formFields, useAction } from "@/components/forms/use-action";
import { useFinish } from "@/components/forms/use-finish";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/toaster";
import { deactivateUser, deleteUser, issueSessionToken, reactivateUser, revokeSessionTokens, updateUser } from "@/lib/actions/users";
import { utc } from "@/lib/format";
import { UserFormFields } from "./user-form-fields";
import type { UserFormValues } from "./user-form-fields";

type Open = "edit" | "deactivate" | "token" | "revoke" | "delete" | null;

/** Edit, deactivate or reactivate, session tokens and delete, for roles that manage users. */
export function UserActions({ user }: { user: { userId: string; nickname: string; profileUrl: string; isActive: boolean } }) {
  const router = useRouter();
  const [open, setOpen] = useState<Open>(null);
  const initial: UserFormValues = { nickname: user.nickname, profileUrl: user.profileUrl };
  const [values, setValues] = useState(initial);
  const [issued, setIssued] = useState<{ token: string; expiresAt: number } | null>(null);
  const edit = useAction(updateUser);
  const deactivate = useAction(deactivateUser);
  const reactivate = useAction(reactivateUser);
  const token = useAction(issueSessionToken);
  const revoke = useAction(revokeSessionTokens);
  const remove = useAction(deleteUser);
  const close = () => {
    setOpen(null);
    setIssued(null);
    for (const a of [edit, deactivate, token, revoke, remove]) a.reset();
  };
  const done = useFinish(close);
  const id = { userId: user.userId };

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <Button variant="outline" onClick={() => (setValues(initial), setOpen("edit"))}>
          Edit user
        </Button>
        {user.isActive ? (
          <Button variant="outline" onClick={() => setOpen("deactivate")}>
            Deactivate
          </Button>
        ) : (
          <Button
            variant="outline"
            pending={reactivate.pending}
            pendingLabel="Reactivating…"
            onClick={() => reactivate.run(id, () => done("The user is active again."))}
          >
            Reactivate
          </Button>
        )}
        <Button variant="outline" onClick={() => setOpen("token")}>
          Issue session token
        </Button>
        <Button variant="outline" onClick={() => setOpen("revoke")}>
          Revoke session tokens
        </Button>
        <Button variant="destructive" onClick={() => setOpen("delete")}>
          Delete user
        </Button>
      </div>
      <FormError message={reactivate.formError()} />
      <Dialog open={open !== null} onOpenChange={(next) => !next && close()}>
        <DialogContent>
          {open === "edit" && (
            <DialogForm
              id={edit.formId}
              title="Edit user"
              description="Changes reach Sendbird at once and are recorded in the audit trail."
              error={edit.formError()}
              submit="Save changes"
              pending={edit.pending}
              pendingLabel="Saving…"
              noValidate
              onSubmit={() => edit.run({ ...id, ...values }, () => done("Changes saved."))}
            >
              <UserFormFields values={values} onChange={setValues} error={edit.fieldError} />
            </DialogForm>
          )}
          {open === "deactivate" && (
            <DialogForm
              id={deactivate.formId}
              title={`Deactivate ${user.userId}?`}
              description="A deactivated user cannot connect until reactivated."
              error={deactivate.formError()}
              submit="Deactivate"
              pending={deactivate.pending}
              pendingLabel="Deactivating…"
              destructive
              onSubmit={(form) =>
                deactivate.run({ ...id, leaveAllChannels: new FormData(form).get("leaveAllChannels") === "on" }, () => done("The user is deactivated."))
              }
            >
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="leaveAllChannels" defaultChecked className="size-4 accent-primary" />
                Also leave all group channels (Sendbird&apos;s default)
              </label>
            </DialogForm>
          )}
          {open === "token" &&
            (issued ? (
              <div className="space-y-4">
                <DialogHeader>
                  <DialogTitle>Session token for {user.userId}</DialogTitle>
                </DialogHeader>
                <ShownOnce label="Session token" value={issued.token}>
                  It expires {utc(issued.expiresAt)} UTC. It will not be shown again and Showrunner keeps no copy; revoke all session tokens to end it early.
                </ShownOnce>
                <DialogFooter>
                  <Button onClick={close}>Done</Button>
                </DialogFooter>
              </div>
            ) : (
              <DialogForm
                id={token.formId}
                title="Issue a session token"
                description={`The token lets a client sign in as ${user.userId}. It is shown once.`}
                error={token.formError()}
                submit="Issue token"
                pending={token.pending}
                pendingLabel="Issuing…"
                onSubmit={(form) => token.run({ ...id, ...formFields(form) }, setIssued)}
              >
                <div className="space-y-2">
                  <Label htmlFor="lifetime">Lasts for</Label>
                  <NativeSelect id="lifetime" name="lifetime" defaultValue="7d">
                    <option value="1h">1 hour</option>
                    <option value="1d">1 day</option>
                    <option value="7d">7 days (Sendbird&apos;s default)</option>
                    <option value="30d">30 days</option>
                  </NativeSelect>
                </div>
              </DialogForm>
            ))}
          {open === "revoke" && (
            <DialogForm
              title={`Revoke every session token of ${user.userId}?`}
              description="Clients signed in with a session token must sign in again."
              error={revoke.formError()}
              submit="Revoke all"
              pending={revoke.pending}
              pendingLabel="Revoking…"
              destructive
              onSubmit={() => revoke.run(id, () => done("Every session token is revoked."))}
            />
          )}
          {open === "delete" && (
            <DialogForm
              id={remove.formId}
              title="Delete user"
              description={`The user and their data are deleted from Sendbird for good. Type “${user.userId}” to confirm.`}
              error={remove.formError()}
              submit="Delete user"
              pending={remove.pending}
              pendingLabel="Deleting…"
              destructive
              onSubmit={(form) =>
                remove.run({ ...id, ...formFields(form) }, () => {
                  toast.success(`Deleted ${user.userId}.`);
                  close();
                  router.push("/users");
                })
              }
            >
              <Field id="confirmation" label="User id" autoComplete="off" maxLength={200} error={remove.fieldError("confirmation")} />
            </DialogForm>
          )}
        </DialogContent>
      </Dialog>
    </div>
  );
}
