import "server-only";
import { z } from "zod";
import { recordingCopyResponseSchema } from "../schemas";
import { route } from "../transport";
import type { Transport } from "../transport";

export interface CopyRecordingInput {
  bucket: string;
  region: string;
  accessKey: string;
  secretKey: string;
}

const copyResultSchema = recordingCopyResponseSchema.partial().extend({ recording_id: z.string().optional() });

export function recordingsResource(t: Transport) {
  return {
    /** Copies a completed recording to the caller's S3 bucket; the keys are sent once and kept nowhere. */
    copy: (recordingId: string, input: CopyRecordingInput) =>
      t
        .request({
          host: "calls",
          method: "POST",
          route: route("/cloud-recordings/{id}/copy", { id: recordingId }),
          body: { bucket: input.bucket, region: input.region, access_key: input.accessKey, secret_key: input.secretKey },
          schema: copyResultSchema,
        })
        .then((r) => ({ recordingId, status: r.status ?? "requested", bucket: r.bucket ?? input.bucket, region: r.region ?? input.region })),
  };
}
