"use client";

import { useState } from "react";
import { DialogForm } from "@/components/forms/dialog-form";
import { Field } from "@/components/forms/field";
import { formFields, useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toaster";
import { copyRecording } from "@/lib/actions/live-events";

/**
 * "Copy to S3" for a completed recording: bucket, region and a key pair that go to Sendbird once. The
 * form is uncontrolled and cleared on close, so the keys live only in the open dialog.
 */
export function CopyRecordingButton({ liveEventId, recordingId }: { liveEventId: string; recordingId: string }) {
  const [open, setOpen] = useState(false);
  const copy = useAction(copyRecording);
  return (
    <>
      <Button variant="outline" size="sm" onClick={() => setOpen(true)} aria-label={`Copy recording ${recordingId} to S3`}>
        Copy to S3
      </Button>
      <Dialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (!next) copy.reset();
        }}
      >
        <DialogContent>
          <DialogForm
            id={copy.formId}
            title="Copy recording to S3"
            description="Sendbird copies the file into your bucket, which must be in the application's AWS region and allow s3:PutObject and s3:ListBucket. The keys are sent to Sendbird for this copy only: Showrunner never stores, logs or audits them."
            error={copy.formError()}
            submit="Copy to S3"
            pending={copy.pending}
            pendingLabel="Copying…"
            noValidate
            onSubmit={(form) =>
              copy.run({ liveEventId, recordingId, ...formFields(form) }, (result) => {
                form.reset();
                setOpen(false);
                toast.success(`Sendbird is copying the recording to ${result.bucket} (${result.region}): ${result.status}.`);
              })
            }
          >
            <Field id="bucket" label="Bucket" placeholder="my-recordings" error={copy.fieldError("bucket")} />
            <Field id="region" label="Region" placeholder="us-east-1" error={copy.fieldError("region")} />
            <Field id="accessKey" label="Access key id" spellCheck={false} autoComplete="off" error={copy.fieldError("accessKey")} />
            <Field id="secretKey" label="Secret access key" type="password" autoComplete="new-password" error={copy.fieldError("secretKey")} />
          </DialogForm>
        </DialogContent>
      </Dialog>
    </>
  );
}
