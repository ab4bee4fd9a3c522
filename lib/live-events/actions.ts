import "server-only";
import type { ActionDefinition } from "@/lib/actions/core";
import { AppError, FieldError } from "@/lib/errors";
import type { LiveEventDto } from "@/lib/sendbird/dto";
import type { SendbirdClient } from "@/lib/sendbird/client";
import { byEventSchema, copyRecordingSchema, createEventSchema, endEventSchema, updateEventSchema } from "./schemas";

const target = (input: { liveEventId: string }) => ({ type: "live_event", id: input.liveEventId });

/** Moves a created event to ready, so hosts can go on air. */
export const setEventReady: ActionDefinition<typeof byEventSchema, LiveEventDto> = {
  name: "live_event.set_ready",
  permission: "liveEvents.operate",
  input: byEventSchema,
  target,
  run: ({ input, sendbird }) => sendbird.liveEvents.setReady(input.liveEventId),
};

/** Starts a ready event: it goes on air. */
export const startEvent: ActionDefinition<typeof byEventSchema, LiveEventDto> = {
  name: "live_event.start",
  permission: "liveEvents.operate",
  input: byEventSchema,
  target,
  run: ({ input, sendbird }) => sendbird.liveEvents.start(input.liveEventId),
};

/** Ends an event for good, once the operator has typed its title (or its id when it has none). */
export const endEvent: ActionDefinition<typeof endEventSchema, LiveEventDto> = {
  name: "live_event.end",
  permission: "liveEvents.operate",
  input: endEventSchema,
  target,
  run: async ({ input, sendbird }) => {
    const event = await sendbird.liveEvents.retrieve(input.liveEventId);
    const expected = event.title || event.id;
    if (input.confirmation.trim() !== expected && input.confirmation.trim() !== event.id) {
      throw new FieldError({ confirmation: `Type "${expected}" to end this event.` });
    }
    return sendbird.liveEvents.end(input.liveEventId);
  },
};

/** Changes an event's title, cover URL and host candidates. */
export const updateEvent: ActionDefinition<typeof updateEventSchema, LiveEventDto> = {
  name: "live_event.update",
  permission: "liveEvents.operate",
  input: updateEventSchema,
  target: (input) => ({ type: "live_event", id: input.liveEventId, details: { host_candidates: input.hostCandidates.length } }),
  run: ({ input, sendbird }) =>
    sendbird.liveEvents.update(input.liveEventId, { title: input.title, coverUrl: input.coverUrl, hostCandidates: input.hostCandidates }),
};

/**
 * Creates an event (state "created") with its host candidates. Custom items are not sent: the Platform API's
 * create takes none (only the Live SDK sets them, and changes them while the event is on air).
 */
export const createEvent: ActionDefinition<typeof createEventSchema, LiveEventDto> = {
  name: "live_event.create",
  permission: "liveEvents.operate",
  input: createEventSchema,
  target: (input) => ({ type: "live_event", id: "", details: { type: input.type, host_candidates: input.hostCandidates.length } }),
  resultTargetId: (event) => event.id,
  run: ({ input, sendbird }) =>
    sendbird.liveEvents.create({
      title: input.title || undefined,
      coverUrl: input.coverUrl || undefined,
      audioOnly: input.type === "audio",
      hostCandidates: input.hostCandidates,
    }),
};

/** Refuses a recording the event does not hold, so a copy is never made, or audited, under another event. */
async function checkHeld(sendbird: SendbirdClient, liveEventId: string, recordingId: string): Promise<void> {
  const event = await sendbird.liveEvents.retrieve(liveEventId);
  if (!event.recordings.some((r) => r.recordingId === recordingId)) {
    throw new AppError(
      "not_found",
      `Recording ${recordingId} is not one of this live event's recordings, so nothing was copied. Reload the event's page.`,
      404,
    );
  }
}

/**
 * Copies a completed cloud recording into the operator's S3 bucket. The access and secret keys go to
 * Sendbird in this one request and nowhere else: the audit row names only the bucket and region, and the
 * event once Sendbird has shown it holds the recording.
 */
export const copyRecording: ActionDefinition<
  typeof copyRecordingSchema,
  { liveEventId: string; recordingId: string; status: string; bucket: string; region: string }
> = {
  name: "recording.copy",
  permission: "liveEvents.operate",
  input: copyRecordingSchema,
  target: (input) => ({ type: "cloud_recording", id: input.recordingId, details: { bucket: input.bucket, region: input.region } }),
  resultDetails: (copied) => ({ live_event_id: copied.liveEventId }),
  run: async ({ input, sendbird }) => {
    await checkHeld(sendbird, input.liveEventId, input.recordingId);
    const copied = await sendbird.recordings.copy(input.recordingId, {
      bucket: input.bucket,
      region: input.region,
      accessKey: input.accessKey,
      secretKey: input.secretKey,
    });
    return { liveEventId: input.liveEventId, ...copied };
  },
};
