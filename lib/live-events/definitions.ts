import "server-only";
import type { ActionDefinition } from "@/lib/actions/core";
import { FieldError } from "@/lib/errors";
import type { LiveEventDto } from "@/lib/sendbird/dto";
import { sendbird } from "@/lib/sendbird/server";
import { byEventSchema, endEventSchema, updateEventSchema } from "./schemas";

const target = (input: { liveEventId: string }) => ({ type: "live_event", id: input.liveEventId });

/** Moves a created event to ready, so hosts can go on air. */
export const setReadyAction: ActionDefinition<typeof byEventSchema, LiveEventDto> = {
  name: "live_event.set_ready",
  permission: "liveEvents.operate",
  input: byEventSchema,
  target,
  run: ({ input }) => sendbird().liveEvents.setReady(input.liveEventId),
};

/** Starts a ready event: it goes on air. */
export const startAction: ActionDefinition<typeof byEventSchema, LiveEventDto> = {
  name: "live_event.start",
  permission: "liveEvents.operate",
  input: byEventSchema,
  target,
  run: ({ input }) => sendbird().liveEvents.start(input.liveEventId),
};

/** Ends an event for good, once the operator has typed its title (or its id when it has none). */
export const endAction: ActionDefinition<typeof endEventSchema, LiveEventDto> = {
  name: "live_event.end",
  permission: "liveEvents.operate",
  input: endEventSchema,
  target,
  run: async ({ input }) => {
    const event = await sendbird().liveEvents.retrieve(input.liveEventId);
    const expected = event.title || event.id;
    if (input.confirmation.trim() !== expected && input.confirmation.trim() !== event.id) {
      throw new FieldError({ confirmation: `Type "${expected}" to end this event.` });
    }
    return sendbird().liveEvents.end(input.liveEventId);
  },
};

/** Changes an event's title, cover URL and host candidates. */
export const updateAction: ActionDefinition<typeof updateEventSchema, LiveEventDto> = {
  name: "live_event.update",
  permission: "liveEvents.operate",
  input: updateEventSchema,
  target: (input) => ({ type: "live_event", id: input.liveEventId, details: { host_candidates: input.hostCandidates.length } }),
  run: ({ input }) => sendbird().liveEvents.update(input.liveEventId, { title: input.title, coverUrl: input.coverUrl, hostCandidates: input.hostCandidates }),
};
