"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { DialogForm } from "@/components/forms/dialog-form";
import { Field } from "@/components/forms/field";
import { formFields, useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toaster";
import { deleteRoom } from "@/lib/actions/calls";

/** Deletes an open room once its id is typed; everyone still in it is let go by Sendbird. */
export function DeleteRoomButton({ roomId, inRoom }: { roomId: string; inRoom: number }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const remove = useAction(deleteRoom);
  return (
    <>
      <Button variant="destructive" onClick={() => setOpen(true)}>
        Delete room
      </Button>
      <Dialog open={open} onOpenChange={(o) => (setOpen(o), o || remove.reset())}>
        <DialogContent>
          <DialogForm
            title="Delete room"
            description={
              <>
                {inRoom > 0 ? `The ${inRoom} ${inRoom === 1 ? "person" : "people"} in it now are disconnected and nobody` : "Nobody"} can enter it again. Type the
                room id <span className="font-mono break-all">{roomId}</span> to confirm.
              </>
            }
            error={remove.formError()}
            submit="Delete room"
            pending={remove.pending}
            pendingLabel="Deleting…"
            destructive
            onSubmit={(form) =>
              remove.run({ roomId, ...formFields(form) }, () => {
                toast.success("The room is deleted.");
                setOpen(false);
                router.refresh();
              })
            }
          >
            <Field id="confirmation" label="Room id" autoComplete="off" maxLength={200} error={remove.fieldError("confirmation")} />
          </DialogForm>
        </DialogContent>
      </Dialog>
    </>
  );
}
