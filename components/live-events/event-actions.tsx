"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Field, FormError } from "@/components/forms/field";
import { formFields, useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toaster";
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
  const router = useRouter();
  const [dialog, setDialog] = useState<"edit" | "end" | null>(null);
  const ready = useAction(setEventReady);
  const start = useAction(startEvent);
  const end = useAction(endEvent);
  const edit = useAction(updateEvent);
  const name = event.title || event.id;
  const done = (message: string) => {
    toast.success(message);
    setDialog(null);
    router.refresh();
  };
  const ended = event.state === "ended";

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {event.state === "created" && (
          <Button disabled={ready.pending} onClick={() => ready.run({ liveEventId: event.id }, () => done("The event is ready: hosts can go on air."))}>
            {ready.pending ? "Setting ready…" : "Set ready"}
          </Button>
        )}
        {event.state === "ready" && (
          <Button disabled={start.pending} onClick={() => start.run({ liveEventId: event.id }, () => done("The event is on air."))}>
            {start.pending ? "Starting…" : "Start"}
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
            <form
              aria-label="End event"
              className="space-y-4"
              onSubmit={(e) => {
                e.preventDefault();
                end.run({ liveEventId: event.id, ...formFields(e.currentTarget) }, () => done("The event has ended."));
              }}
            >
              <DialogHeader>
                <DialogTitle>End event</DialogTitle>
                <DialogDescription>Everyone watching is disconnected and the event cannot be restarted. Type “{name}” to confirm.</DialogDescription>
              </DialogHeader>
              <FormError message={end.formError()} />
              <Field id="confirmation" label="Event title or id" autoComplete="off" maxLength={200} error={end.error?.fields?.confirmation} />
              <DialogFooter>
                <Button type="submit" variant="destructive" disabled={end.pending}>
                  {end.pending ? "Ending…" : "End event"}
                </Button>
              </DialogFooter>
            </form>
          )}
          {dialog === "edit" && (
            <form
              aria-label="Edit event"
              className="space-y-4"
              onSubmit={(e) => {
                e.preventDefault();
                edit.run({ liveEventId: event.id, ...formFields(e.currentTarget) }, () => done("Changes saved."));
              }}
            >
              <DialogHeader>
                <DialogTitle>Edit event</DialogTitle>
                <DialogDescription>Changes reach Sendbird at once and are recorded in the audit trail.</DialogDescription>
              </DialogHeader>
              <FormError message={edit.formError()} />
              <Field id="title" label="Title" defaultValue={event.title} maxLength={191} error={edit.fieldError("title")} />
              <Field id="coverUrl" label="Cover URL" defaultValue={event.coverUrl} maxLength={2048} error={edit.fieldError("coverUrl")} />
              <Field
                id="hostCandidates"
                label="Host candidates"
                defaultValue={event.hostCandidates.join(", ")}
                hint="User ids, comma-separated; 1 to 10."
                error={edit.fieldError("hostCandidates")}
              />
              <DialogFooter>
                <Button type="submit" disabled={edit.pending}>
                  {edit.pending ? "Saving…" : "Save changes"}
                </Button>
              </DialogFooter>
            </form>
          )}
        </DialogContent>
      </Dialog>
    </div>
  );
}
