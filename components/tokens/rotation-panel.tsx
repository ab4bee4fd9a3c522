"use client";

import { Check } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Field, FormError } from "@/components/forms/field";
import { formFields, useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";
import { abandonRotation, checkRotation, finishRotation } from "@/lib/actions/tokens";
import { utc } from "@/lib/format";

export interface RotationView {
  id: string;
  old: { last4: string };
  replacement: { last4: string };
  startedAt: number;
  startedBy: string;
  checkedAt: number | null;
}

function Step({ n, title, done, children }: { n: number; title: string; done: boolean; children: React.ReactNode }) {
  return (
    <li className="grid grid-cols-[2rem_1fr] gap-3">
      <span
        aria-hidden
        className={`flex size-7 items-center justify-center rounded-full border text-sm ${done ? "border-primary bg-primary text-primary-foreground" : ""}`}
      >
        {done ? <Check className="size-4" /> : n}
      </span>
      <div className="space-y-2">
        <p className="font-medium">
          {title}
          {done && <span className="sr-only"> (done)</span>}
        </p>
        {children}
      </div>
    </li>
  );
}

/**
 * The rotation under way, step by step: replacement generated, put into SENDBIRD_API_TOKEN, checked against
 * Sendbird, old token revoked. It lives in the database, so anyone with the permission can resume it.
 */
export function RotationPanel({ rotation }: { rotation: RotationView }) {
  const router = useRouter();
  const [abandoning, setAbandoning] = useState(false);
  const check = useAction(checkRotation);
  const finish = useAction(finishRotation);
  const abandon = useAction(abandonRotation);
  const { old, replacement } = rotation;
  const id = { rotationId: rotation.id };
  return (
    <section aria-labelledby="rotation-title" className="space-y-4 rounded-lg border border-primary/40 p-4">
      <div>
        <h2 id="rotation-title" className="text-lg font-semibold tracking-tight">
          Rotating the token ending in {old.last4}
        </h2>
        <p className="text-sm text-muted-foreground">
          Started {utc(rotation.startedAt)} UTC by {rotation.startedBy}. Leave at any step; it waits here.
        </p>
      </div>
      <ol className="space-y-4" aria-label="Rotation steps">
        <Step n={1} title={`Replacement generated: the token ending in ${replacement.last4}`} done>
          <p className="text-sm text-muted-foreground">
            Its value was shown once when it was made. If it was not stored, abandon this rotation and start again.
          </p>
        </Step>
        <Step n={2} title="Put it into SENDBIRD_API_TOKEN" done={rotation.checkedAt !== null}>
          <p className="text-sm">In the environment of every service that used the token ending in {old.last4}, set:</p>
          <pre className="rounded-md bg-muted px-3 py-2 font-mono text-xs">SENDBIRD_API_TOKEN=&lt;the new token, ending in {replacement.last4}&gt;</pre>
          <p className="text-sm text-muted-foreground">Then restart them. A Showrunner console reads it at start-up.</p>
        </Step>
        <Step n={3} title="Check that it works" done={rotation.checkedAt !== null}>
          {rotation.checkedAt !== null ? (
            <p className="text-sm">Sendbird answered a read made with it at {utc(rotation.checkedAt)} UTC.</p>
          ) : (
            <form
              id={check.formId}
              aria-label="Check the new token"
              className="space-y-2"
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                const form = e.currentTarget;
                check.run({ ...id, ...formFields(form) }, () => {
                  form.reset();
                  toast.success("The new token works.");
                  router.refresh();
                });
              }}
            >
              <Field
                id="token"
                label="Paste the new token"
                type="password"
                autoComplete="off"
                maxLength={200}
                hint="Used for one read against Sendbird and kept nowhere."
                error={check.fieldError("token")}
              />
              <FormError message={check.error && !check.error.fields ? check.error.message : undefined} />
              <Button type="submit" pending={check.pending} pendingLabel="Checking…">
                Check token
              </Button>
            </form>
          )}
        </Step>
        <Step n={4} title={`Revoke the old token, ending in ${old.last4}`} done={false}>
          <form
            id={finish.formId}
            aria-label="Revoke the old token"
            className="space-y-2"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              finish.run({ ...id, ...formFields(e.currentTarget) }, () => {
                toast.success(`Rotation done: the token ending in ${old.last4} is revoked.`);
                router.refresh();
              });
            }}
          >
            <p className="text-sm text-muted-foreground">Anything still on the old token stops working at once. Type {old.last4} to confirm.</p>
            <Field
              id="confirmation"
              label="Last four characters of the old token"
              autoComplete="off"
              maxLength={20}
              disabled={rotation.checkedAt === null}
              error={finish.fieldError("confirmation")}
            />
            <FormError message={finish.error && !finish.error.fields ? finish.error.message : undefined} />
            <Button type="submit" variant="destructive" disabled={rotation.checkedAt === null} pending={finish.pending} pendingLabel="Revoking…">
              Revoke old token and finish
            </Button>
          </form>
          {rotation.checkedAt === null && <p className="text-xs text-muted-foreground">Check the new token first.</p>}
        </Step>
      </ol>
      <div className="border-t pt-3">
        {abandoning ? (
          <div className="flex flex-wrap items-center gap-2">
            <p className="text-sm">Abandon? Nothing is revoked; the token ending in {replacement.last4} stays until you revoke it.</p>
            <Button variant="outline" size="sm" pending={abandon.pending} pendingLabel="Abandoning…" onClick={() => abandon.run(id, () => router.refresh())}>
              Abandon rotation
            </Button>
            <Button variant="ghost" size="sm" onClick={() => setAbandoning(false)}>
              Keep going
            </Button>
          </div>
        ) : (
          <Button variant="ghost" size="sm" onClick={() => setAbandoning(true)}>
            Abandon this rotation…
          </Button>
        )}
        <FormError message={abandon.error?.message} />
      </div>
    </section>
  );
}
