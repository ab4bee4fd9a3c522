"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { DialogForm } from "@/components/forms/dialog-form";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toaster";
import { acknowledgeAlert, deleteAlertChannel, deleteAlertRule, testAlertChannel } from "@/lib/actions/alerts";

/** A delete button that asks first, in a dialog naming what goes. */
function ConfirmDelete({
  what,
  name,
  consequence,
  run,
  pending,
  error,
}: {
  what: string;
  name: string;
  consequence: string;
  run: (done: () => void) => void;
  pending: boolean;
  error: string | undefined;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="outline" size="sm" aria-label={`Delete ${what} ${name}`} onClick={() => setOpen(true)}>
        Delete
      </Button>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent>
          <DialogForm
            title={`Delete ${what} “${name}”`}
            description={consequence}
            error={error}
            submit={`Delete ${what}`}
            pending={pending}
            pendingLabel="Deleting…"
            destructive
            onSubmit={() => run(() => setOpen(false))}
          />
        </DialogContent>
      </Dialog>
    </>
  );
}

export function DeleteRuleButton({ rule }: { rule: { id: string; name: string } }) {
  const router = useRouter();
  const action = useAction(deleteAlertRule);
  return (
    <ConfirmDelete
      what="rule"
      name={rule.name}
      consequence="Its open alerts resolve now, and its channels are told who deleted it. The alerts it raised stay in the list."
      pending={action.pending}
      error={action.formError()}
      run={(done) =>
        action.run({ ruleId: rule.id }, () => {
          toast.success(`Rule “${rule.name}” deleted.`);
          done();
          router.refresh();
        })
      }
    />
  );
}

/** Send a test, and delete, for one channel. */
export function ChannelRowActions({ channel }: { channel: { id: string; name: string } }) {
  const router = useRouter();
  const test = useAction(testAlertChannel);
  const remove = useAction(deleteAlertChannel);
  return (
    <>
      <Button
        variant="outline"
        size="sm"
        pending={test.pending}
        pendingLabel="Sending…"
        aria-label={`Send a test to ${channel.name}`}
        onClick={() =>
          test.run({ channelId: channel.id }, () => {
            toast.success(`The test reached “${channel.name}”.`);
            router.refresh();
          })
        }
      >
        Send a test
      </Button>
      {test.error && !test.pending && (
        <p role="alert" className="basis-full text-sm text-destructive">
          {test.error.message}
        </p>
      )}
      <ConfirmDelete
        what="channel"
        name={channel.name}
        consequence="Rules stop notifying it. Messages still waiting for it are dropped."
        pending={remove.pending}
        error={remove.formError()}
        run={(done) =>
          remove.run({ channelId: channel.id }, () => {
            toast.success(`Channel “${channel.name}” deleted.`);
            done();
            router.refresh();
          })
        }
      />
    </>
  );
}

/** Acknowledge: someone is on it, so the channels get no more reminders. */
export function AcknowledgeButton({ alert }: { alert: { id: string; ruleName: string; subjectLabel: string } }) {
  const router = useRouter();
  const action = useAction(acknowledgeAlert);
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        variant="outline"
        size="sm"
        pending={action.pending}
        pendingLabel="Acknowledging…"
        aria-label={`Acknowledge ${alert.ruleName}${alert.subjectLabel ? ` on ${alert.subjectLabel}` : ""}`}
        onClick={() =>
          action.run({ alertId: alert.id }, () => {
            toast.success("Acknowledged. No more reminders for this alert.");
            router.refresh();
          })
        }
      >
        Acknowledge
      </Button>
      {action.error && <p className="text-sm text-destructive">{action.error.message}</p>}
    </div>
  );
}
