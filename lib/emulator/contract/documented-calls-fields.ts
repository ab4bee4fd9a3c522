import { callsSdk, rowsFrom } from "./documented-fields";
import type { CallsTable, DocumentedField, DocumentedTable } from "./documented-fields";

const calls = "https://docs.sendbird.com/docs/calls/platform-api/v1/features";
const directCallPage = rowsFrom(`${calls}/direct-call`, "doc");
const groupCallPage = rowsFrom(`${calls}/group-call`, "doc");
const recordingPage = rowsFrom(`${calls}/cloud-recording`, "doc");
// Sendbird's Postman collection as republished by Qodex; each request links to its section of the Calls pages.
const postman = "https://developers.qodex.ai/sendbird-platform-api/calls";
const userCallsPage = rowsFrom(`${postman}/user-15/retrieve-a-list-of-a-users-calls`, "doc");
const roomListPage = rowsFrom(`${postman}/group-call/retrieve-a-list-of-rooms`, "doc");
const roomParticipantsPage = rowsFrom(`${postman}/group-call/retrieve-a-list-of-participants-within-the-room`, "doc");
const emulatorReading = rowsFrom(`${postman}/group-call/retrieve-a-list-of-participants-within-the-room`, "emulator");
const retrieveCall = rowsFrom(`${calls}/direct-call`, "emulator");
const sdk = rowsFrom(callsSdk, "sdk");

const endResults = ["completed", "canceled", "declined", "connection_lost", "no_answer", "timed_out", "unknown"];
const roles = ["dc_caller", "dc_callee"];
const notYet = "null until it happens";
const nextToken = "the page's next parameter takes this token; null at the end";

/** What a recording of a call and of a room share; the holder's ID and the target types differ. */
function recordingRows(targets: readonly string[], holder: DocumentedField): DocumentedField[] {
  return [
    recordingPage("recording_id", "string"),
    recordingPage("target_event_type", "string", { values: targets }),
    holder,
    recordingPage("status", "string", { values: ["recording", "uploading", "completed", "failed"], note: "ready and paused are Live's only" }),
    recordingPage("started_at", "integer"),
    recordingPage("stopped_at", "integer", { nullable: true, note: "null while recording: the page gives no value before the stop" }),
    recordingPage("duration", "integer", { note: "the unit is cut off on the page; the emulator sends ms, as Live does" }),
  ];
}

/** A direct call's custom items after a change, with the keys it changed under `updated` or `deleted`. */
function customItemsAnswer(changed: "updated" | "deleted"): DocumentedField[] {
  return [
    sdk("call_id", "string", { note: `the SDK reads it beside ${changed} and custom_items in the push of the same change` }),
    sdk("custom_items", "string map"),
    sdk(changed, "string list"),
    sdk("affected_at", "integer", { note: "the SDK reads it in a room's custom-items answer" }),
  ];
}

export const callsTables: Record<CallsTable, DocumentedTable> = {
  directCall: {
    title: "direct call",
    fields: [
      directCallPage("call_id", "string"),
      directCallPage("call_type", "string", { note: "values not given; the emulator sends direct, the value of the user-calls type filter" }),
      directCallPage("is_video_call", "boolean", { note: "the type column says string; the Calls SDK types it boolean (SendBirdCall.min.d.ts)" }),
      directCallPage("state", "string", { note: "values not given; the emulator keeps only finished calls and sends ended" }),
      directCallPage("end_result", "string", { values: endResults }),
      sdk("end_result_ex", "string", {
        values: [...endResults, "other_device_accepted", "dial_failed", "accept_failed", "not_connected"],
        note: "the SDK's call log takes its end result from here",
      }),
      directCallPage("user_role", "string", { optional: true, values: roles, note: "only in a user's calls" }),
      directCallPage("participants", { list: "callParticipant" }, { note: "the page says only 'nested object'" }),
      directCallPage("started_by", "string"),
      directCallPage("started_at", "integer"),
      directCallPage("ended_by", "string", { note: "the emulator sends an empty string when nobody ended it (no answer, timed out)" }),
      directCallPage("ended_at", "integer"),
      directCallPage("duration", "integer", { note: "ms from acceptance to the end" }),
      directCallPage("custom_items", "string map"),
      recordingPage(
        "cloud_recordings",
        { list: "callRecording" },
        {
          optional: true,
          note: "the recording page finds a call's recordings by retrieving the call; the key is named for rooms",
        },
      ),
    ],
  },
  callParticipant: {
    title: "participant of a direct call (the SDK's call-log user)",
    fields: [
      sdk("user_id", "string"),
      sdk("nickname", "string"),
      sdk("profile_url", "string"),
      sdk("meta_data", "string map", { note: "spelt meta_data here, unlike metadata in rooms and Live" }),
      sdk("is_active", "boolean"),
      sdk("role", "string", { values: roles }),
    ],
  },
  callRecording: {
    title: "cloud recording of a direct call",
    fields: recordingRows(["call_audio", "call_video"], recordingPage("call_id", "string")),
  },
  room: {
    title: "room",
    fields: [
      groupCallPage("room_id", "string"),
      groupCallPage("room_type", "string", { values: ["small_room_for_video", "large_room_for_audio_only"] }),
      groupCallPage("state", "string", { values: ["open", "deleted"], note: "capitalised in the table's prose, lower case in filters and the SDK" }),
      groupCallPage("created_at", "integer"),
      groupCallPage("updated_at", "integer"),
      groupCallPage("created_by", "string", { note: "an empty string when created with the Platform API" }),
      groupCallPage("deleted_by", "string", { note: "an empty string when deleted with the Platform API, and while open" }),
      groupCallPage("current_participants", { list: "roomParticipant" }),
      groupCallPage("custom_items", "string map"),
      recordingPage("cloud_recordings", { list: "roomRecording" }, { optional: true, note: "the recording page finds a room's recordings here" }),
    ],
  },
  roomParticipant: {
    title: "participant of a room",
    fields: [
      groupCallPage("room_id", "string"),
      groupCallPage("participant_id", "string"),
      groupCallPage("entered_at", "integer"),
      groupCallPage("updated_at", "integer"),
      groupCallPage("exited_at", "integer", { nullable: true, note: notYet }),
      groupCallPage("duration", "integer", { nullable: true, note: "seconds; null until the participant leaves" }),
      sdk("state", "string", { values: ["entered", "connected", "exited"], note: "the page's table is cut off after duration" }),
      sdk("user", { object: "embeddedUser" }, { note: "the SDK reads user_id, nickname, profile_url, metadata and is_active" }),
      sdk("client_id", "string"),
      sdk("is_audio_on", "boolean"),
      sdk("is_video_on", "boolean"),
    ],
  },
  roomRecording: {
    title: "cloud recording of a room",
    fields: recordingRows(["room_audio", "room_video"], recordingPage("room_id", "string")),
  },
  callEnvelope: {
    title: "answer of Retrieve a direct call",
    fields: [
      retrieveCall(
        "call",
        { object: "directCall" },
        {
          note: "the answer was not captured; the emulator wraps the call as rooms ({ room }) and live events ({ live_event }) are",
        },
      ),
    ],
  },
  callList: {
    title: "page of direct calls, or of a user's calls",
    fields: [
      sdk("calls", { list: "directCall" }, { note: "read from a user's calls; the emulator answers the application's list alike" }),
      userCallsPage("next", "string", { nullable: true, note: nextToken }),
      sdk("has_next", "boolean"),
    ],
  },
  callCustomItemsUpdate: { title: "answer of updating a direct call's custom items", fields: customItemsAnswer("updated") },
  callCustomItemsDelete: { title: "answer of deleting a direct call's custom items", fields: customItemsAnswer("deleted") },
  roomEnvelope: {
    title: "answer naming one room (create, retrieve)",
    fields: [sdk("room", { object: "room" })],
  },
  roomList: {
    title: "page of rooms",
    fields: [
      sdk("rooms", { list: "room" }),
      roomListPage("next", "string", { nullable: true, note: nextToken }),
      sdk("prev", "string", { nullable: true, note: "null at the start" }),
    ],
  },
  roomParticipantList: {
    title: "page of a room's participants",
    fields: [
      emulatorReading(
        "participants",
        { list: "roomParticipant" },
        {
          note: "the answer was not captured; the same key as Live's participant list, and the one Sendbird's dashboard reads",
        },
      ),
      roomParticipantsPage("next", "string", { nullable: true, note: nextToken }),
      emulatorReading("prev", "string", { nullable: true, note: "as in the rooms list; the page documents only next" }),
    ],
  },
};
