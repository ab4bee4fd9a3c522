"use client";

import { useState } from "react";
import { Field, FormError } from "@/components/forms/field";
import { formFields, useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toaster";
import { copyRecording } from "@/lib/actions/live-events";
import { copyRecordingSchema } from "@/lib/live-events/schemas";

/**
 * "Copy to S3" for a completed recording: bucket, region and a key pair that go to Sendbird once. The
 * form is uncontrolled and cleared on close, so the keys live only in the open dialog.
 */
export function CopyRecordingButton({ liveEventId, recordingId }: { liveEventId: string; recordingId: string }) {
  const [open, setOpen] = useState(false);
  const copy = useAction(copyRecording, { schema: copyRecordingSchema });
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
          <form
            aria-label="Copy to S3"
            className="space-y-4"
            noValidate
            autoComplete="off"
            onSubmit={(e) => {
              e.preventDefault();
              const form = e.currentTarget;
              copy.run({ liveEventId, recordingId, ...formFields(form) }, (result) => {
                form.reset();
                setOpen(false);
                toast.success(`Sendbird is copying the recording to ${result.bucket} (${result.region}): ${result.status}.`);
              });
            }}
          >
            <DialogHeader>
              <DialogTitle>Copy recording to S3</DialogTitle>
              <DialogDescription>
                Sendbird copies the file into your bucket, which must be in the application&apos;s AWS region and allow s3:PutObject and s3:ListBucket. The keys are sent to Sendbird for this copy only: Showrunner
                never stores, logs or audits them.
              </DialogDescription>
            </DialogHeader>
            <FormError message={copy.formError()} />
            <Field id="bucket" label="Bucket" placeholder="my-recordings" error={copy.fieldError("bucket")} />
            <Field id="region" label="Region" placeholder="us-east-1" error={copy.fieldError("region")} />
            <Field id="accessKey" label="Access key id" spellCheck={false} error={copy.fieldError("accessKey")} />
            <Field id="secretKey" label="Secret access key" type="password" autoComplete="new-password" error={copy.fieldError("secretKey")} />
            <DialogFooter>
              <Button type="submit" disabled={copy.pending}>
                {copy.pending ? "Copying…" : "Copy to S3"}
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
    </>
  );
}
