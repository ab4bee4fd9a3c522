"use client";

import { useState } from "react";
import { DialogForm } from "@/components/forms/dialog-form";
import { Field, FormError } from "@/components/forms/field";
import { formFields, useAction } from "@/components/forms/use-action";
import { useFinish } from "@/components/forms/use-finish";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { endEvent, setEventReady, startEvent, updateEvent } from "@/lib/actions/live-events";

export interface EventActionsProps {
  id: string;
  title: string;
  state: string;
  coverUrl: string;
  hostCandidates: string[];
}

/** The event's next moves, offered by state: Set ready, Start, Edit, End event (typed confirmation). */
export function EventActions({ event }: { event: EventActionsProps }) {
  const [dialog, setDialog] = useState<"edit" | "end" | null>(null);
  const ready = useAction(setEventReady);
  const start = useAction(startEvent);
  const end = useAction(endEvent);
  const edit = useAction(updateEvent);
  const name = event.title || event.id;
  const done = useFinish(() => setDialog(null));
  const ended = event.state === "ended";

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {event.state === "created" && (
          <Button
            pending={ready.pending}
            pendingLabel="Setting ready…"
            onClick={() => ready.run({ liveEventId: event.id }, () => done("The event is ready: hosts can go on air."))}
          >
            Set ready
          </Button>
        )}
        {event.state === "ready" && (
          <Button pending={start.pending} pendingLabel="Starting…" onClick={() => start.run({ liveEventId: event.id }, () => done("The event is on air."))}>
            Start
          </Button>
        )}
        {!ended && (
          <Button variant="outline" onClick={() => setDialog("edit")}>
            Edit
          </Button>
        )}
        {!ended && (
          <Button variant="destructive" onClick={() => setDialog("end")}>
            End event
          </Button>
        )}
      </div>
      <FormError message={ready.error?.message ?? start.error?.message} />
      <Dialog open={dialog !== null} onOpenChange={(open) => !open && setDialog(null)}>
        <DialogContent>
          {dialog === "end" && (
            <DialogForm
              id={end.formId}
              title="End event"
              description={`Everyone watching is disconnected and the event cannot be restarted. Type “${name}” to confirm.`}
              error={end.formError()}
              submit="End event"
              pending={end.pending}
              pendingLabel="Ending…"
              destructive
              onSubmit={(form) => end.run({ liveEventId: event.id, ...formFields(form) }, () => done("The event has ended."))}
            >
              <Field id="confirmation" label="Event title or id" autoComplete="off" maxLength={200} error={end.fieldError("confirmation")} />
            </DialogForm>
          )}
          {dialog === "edit" && (
            <DialogForm
              id={edit.formId}
              title="Edit event"
              description="Changes reach Sendbird at once and are recorded in the audit trail."
              error={edit.formError()}
              submit="Save changes"
              pending={edit.pending}
              pendingLabel="Saving…"
              onSubmit={(form) => edit.run({ liveEventId: event.id, ...formFields(form) }, () => done("Changes saved."))}
            >
              <Field id="title" label="Title" defaultValue={event.title} maxLength={191} error={edit.fieldError("title")} />
              <Field id="coverUrl" label="Cover URL" defaultValue={event.coverUrl} maxLength={2048} error={edit.fieldError("coverUrl")} />
              <Field
                id="hostCandidates"
                label="Host candidates"
                defaultValue={event.hostCandidates.join(", ")}
                hint="User ids, comma-separated; 1 to 10."
                error={edit.fieldError("hostCandidates")}
              />
            </DialogForm>
          )}
        </DialogContent>
      </Dialog>
    </div>
  );
}
