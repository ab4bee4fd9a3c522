"use server";

import * as liveEvents from "@/lib/live-events/actions";
import { defineAction } from "./define";

// Set a created live event ready (operate permission).
export const setEventReady = defineAction(liveEvents.setEventReady);
// Start a ready live event (operate permission).
export const startEvent = defineAction(liveEvents.startEvent);
// End a live event after typed confirmation of its title or id (operate permission).
export const endEvent = defineAction(liveEvents.endEvent);
// Edit a live event's title, cover URL and host candidates (operate permission).
export const updateEvent = defineAction(liveEvents.updateEvent);
// Create a live event (operate permission).
export const createEvent = defineAction(liveEvents.createEvent);
// Copy a completed cloud recording to the operator's S3 bucket; the keys are used once (operate permission).
export const copyRecording = defineAction(liveEvents.copyRecording);
