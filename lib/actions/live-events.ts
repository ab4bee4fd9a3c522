"use server";

import { copyRecordingAction, createAction, endAction, setReadyAction, startAction, updateAction } from "@/lib/live-events/definitions";
import { defineAction } from "./define";

// Set a created live event ready (operate permission).
export const setEventReady = defineAction(setReadyAction);
// Start a ready live event (operate permission).
export const startEvent = defineAction(startAction);
// End a live event after typed confirmation of its title or id (operate permission).
export const endEvent = defineAction(endAction);
// Edit a live event's title, cover URL and host candidates (operate permission).
export const updateEvent = defineAction(updateAction);
// Create a live event (operate permission).
export const createEvent = defineAction(createAction);
// Copy a completed cloud recording to the operator's S3 bucket; the keys are used once (operate permission).
export const copyRecording = defineAction(copyRecordingAction);
