import type { Route } from "../router";
import { copyRecording } from "../store/recordings";
import { BodyReader, invalid } from "../validate";

/** Recordings are made by Sendbird's media servers (the control plane adds them here); the API copies them out. */
export const recordingRoutes: Route[] = [
  {
    host: "calls",
    method: "POST",
    template: "/v1/cloud-recordings/{recording_id}/copy",
    async handler(ctx) {
      const body = new BodyReader(await ctx.object());
      const request = {
        access_key: body.string("access_key", { required: true, max: 128 }),
        secret_key: body.string("secret_key", { required: true, max: 256 }),
        bucket: body.string("bucket", { required: true, max: 63 }),
        region: body.string("region", { required: true, max: 32 }),
      };
      if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(request.bucket)) throw invalid('"bucket" is not a valid S3 bucket name.');
      if (!/^[a-z]{2}(-gov)?-[a-z]+-\d$/.test(request.region)) throw invalid('"region" is not an AWS region code.');
      return copyRecording(ctx.store, ctx.params.recording_id ?? "", request);
    },
  },
];
