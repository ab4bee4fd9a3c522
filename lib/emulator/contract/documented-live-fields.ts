import { liveSdk, rowsFrom } from "./documented-fields";
import type { DocumentedTable, LiveTable } from "./documented-fields";

const live = "https://docs.sendbird.com/docs/live/v1/platform-api";
const liveOverview = rowsFrom(`${live}/live/overview-live`, "doc");
const liveCreate = rowsFrom("https://sendbird.com/docs/live/v1/platform-api/live/managing-live/create-a-live-event", "doc");
const liveRetrieve = rowsFrom("https://sendbird.com/docs/live/v1/platform-api/live/managing-live/retrieve-a-live-event", "doc");
const hostOverview = rowsFrom(`${live}/host/overview-host`, "doc");
const retrieveHost = rowsFrom("https://sendbird.com/docs/live/v1/platform-api/host/retrieving-hosts/retrieve-a-host", "doc");
const participantOverview = rowsFrom(`${live}/participant/overview-participant`, "doc");
const retrieveParticipants = rowsFrom(`${live}/participant/retrieving-participants/retrieve-participants`, "doc");
const recordingOverview = rowsFrom(`${live}/cloud-recording/overview-cloud-recording`, "doc");
// The fuller copy of the same page: its table goes on past `duration`.
const recordingFullTable = rowsFrom("https://sendbird-dev.netlify.app/docs/live/platform-api/v1/cloud-recording/overview-cloud-recording", "doc");
const copyPage = rowsFrom(`${live}/cloud-recording/copying-cloud-recording/copy-cloud-recording`, "emulator");
const sdk = rowsFrom(liveSdk, "sdk");

const notYet = "null until it happens";
const byApi = "an empty string when done with the Platform API";

export const liveTables: Record<LiveTable, DocumentedTable> = {
  liveEvent: {
    title: "live event",
    fields: [
      liveOverview("live_event_id", "string"),
      liveOverview("host_type", "string", {
        values: ["single_host", "multiple_host", "single_host_audio_only"],
        note: "the page lists single_host; the other two are host types of the Live SDK v1.1.1 (sendbirdLive.min.js)",
      }),
      sdk("live_event_type", "string", { values: ["live_event_for_video", "live_event_for_audio_only"], note: "SDK 1.2 reads the event's type here" }),
      liveOverview("state", "string", { values: ["created", "ready", "ongoing", "ended"] }),
      liveOverview("created_at", "integer"),
      liveOverview("set_ready_at", "integer", { nullable: true, note: notYet }),
      liveOverview("started_at", "integer", { nullable: true, note: notYet }),
      liveOverview("ended_at", "integer", { nullable: true, note: notYet }),
      liveOverview("is_host_streaming", "boolean"),
      liveOverview("host", { object: "host" }, { nullable: true, note: "null with no host, as in the Retrieve and End examples" }),
      sdk("hosts", { list: "host" }, { optional: true, note: "SDK 1.2 reads the hosts in the event now, and takes none when the key is absent" }),
      liveOverview("created_by", "string", { note: byApi }),
      liveOverview("set_ready_by", "string", { note: byApi }),
      liveOverview("started_by", "string", { note: byApi }),
      liveOverview("ended_by", "string", { note: byApi }),
      liveOverview("duration", "integer", { note: "ms from creation to the end; 0 before the end" }),
      liveOverview("participant_count", "integer"),
      liveOverview("peak_participant_count", "integer"),
      liveOverview("cumulative_participant_count", "integer"),
      liveRetrieve("user_ids_for_host", "string list"),
      liveCreate("title", "string", { optional: true, note: "examples leave it out when it was never set" }),
      liveCreate("cover_url", "string", { optional: true, note: "examples leave it out when it was never set" }),
      liveRetrieve("custom_items", "string map", { note: "{} in every example" }),
      recordingOverview(
        "cloud_recordings",
        { list: "liveRecording" },
        {
          optional: true,
          note: "the recording page finds recording IDs here in a retrieved or listed event; no example shows the key",
        },
      ),
    ],
  },
  host: {
    title: "host",
    fields: [
      hostOverview("host_id", "string"),
      hostOverview("live_event_id", "string"),
      hostOverview("client_id", "string"),
      hostOverview("state", "string", { values: ["entered", "connected", "disconnected", "exited"] }),
      sdk("stream_type", "string", { values: ["webrtc", "rtmp"], note: "SDK 1.2 reads how the host streams" }),
      hostOverview("entered_at", "integer"),
      hostOverview("connected_at", "integer", { nullable: true, note: notYet }),
      hostOverview("disconnected_at", "integer", { nullable: true, note: notYet }),
      hostOverview("exited_at", "integer", { nullable: true, note: notYet }),
      hostOverview("duration", "integer", { note: "ms from entering to leaving; 0 while in the event" }),
      retrieveHost("is_audio_on", "boolean", { note: "the name in the examples, and the one SDK 1.2 reads" }),
      retrieveHost("is_video_on", "boolean", { note: "the name in the examples, and the one SDK 1.2 reads" }),
      hostOverview("has_audio_on", "boolean", { optional: true, note: "the resource table's name; the examples say is_audio_on" }),
      hostOverview("has_video_on", "boolean", { optional: true, note: "the resource table's name; the examples say is_video_on" }),
      hostOverview("user", { object: "embeddedUser" }),
      sdk(
        "rtmp_stream",
        { object: "rtmpStream" },
        {
          optional: true,
          note: "SDK 1.2's host reader takes it when present (RTMP hosts); no doc page says the Platform API shows the stream key",
        },
      ),
    ],
  },
  rtmpStream: {
    title: "RTMP stream of a host",
    fields: [
      sdk("rtmp_stream_id", "string"),
      sdk("rtmp_host_url", "string"),
      sdk("stream_key", "string", { note: "a secret: the console must keep it from browsers" }),
      sdk("created_at", "integer"),
    ],
  },
  participant: {
    title: "participant",
    fields: [
      participantOverview("participant_id", "string", { note: "one per entry: a user who comes back gets a new one" }),
      participantOverview("live_event_id", "string"),
      participantOverview("client_id", "string"),
      participantOverview("state", "string", { values: ["entered", "exited"], note: "the page gives no values; these are the Live SDK's" }),
      participantOverview("entered_at", "integer"),
      participantOverview("exited_at", "integer", { nullable: true, note: notYet }),
      participantOverview("duration", "integer", { note: "ms from entering to leaving; 0 while in the event" }),
      participantOverview("user", { object: "embeddedUser" }),
    ],
  },
  embeddedUser: {
    title: "user in a host, participant or room participant",
    fields: [
      retrieveHost("user_id", "string"),
      retrieveHost("nickname", "string"),
      retrieveHost("profile_url", "string"),
      retrieveHost("metadata", "string map"),
      retrieveHost("is_active", "boolean"),
      retrieveHost("role", "string", { nullable: true, note: "null in every example; the Calls SDK does not read it in rooms" }),
    ],
  },
  liveRecording: {
    title: "cloud recording of a live event",
    fields: [
      recordingOverview("recording_id", "string"),
      recordingOverview("target_event_type", "string", { values: ["live"] }),
      recordingOverview("live_event_id", "string"),
      recordingOverview("status", "string", { values: ["ready", "recording", "paused", "uploading", "completed", "failed"] }),
      recordingOverview("started_at", "integer"),
      recordingOverview("stopped_at", "integer", { nullable: true, note: "null while recording: the page gives no value before the stop" }),
      recordingOverview("duration", "integer", { note: "ms" }),
      recordingFullTable("byte_size", "integer", { note: "the emulator's sizes are a stand-in: about 1.2 Mbit/s of the duration" }),
      recordingFullTable("media_type", "string", { note: "values not captured; the emulator's audio/video are its own stand-ins" }),
    ],
  },
  liveEventEnvelope: {
    title: "answer naming one live event (create, update, ready, start, end, retrieve)",
    fields: [liveCreate("live_event", { object: "liveEvent" })],
  },
  liveEventList: {
    title: "page of live events",
    fields: [
      sdk("live_events", { list: "liveEvent" }, { note: "the list page's answer was not captured; SDK 1.2 reads these three keys" }),
      sdk("prev", "string", { nullable: true, note: "falsy at the start; the emulator sends null" }),
      sdk("next", "string", { nullable: true, note: "falsy at the end; the emulator sends null" }),
    ],
  },
  hostEnvelope: {
    title: "answer of Retrieve a host",
    fields: [retrieveHost("host", { object: "host" }, { nullable: true, note: "one host; null with none in the event is the emulator's reading" })],
  },
  participantList: {
    title: "page of a live event's participants",
    fields: [
      retrieveParticipants("participants", { list: "participant" }),
      retrieveParticipants("prev", "string", { nullable: true, note: "the page's prev parameter takes this token; null at the start" }),
      retrieveParticipants("next", "string", { nullable: true, note: "the page's next parameter takes this token; null at the end" }),
    ],
  },
  recordingCopy: {
    title: "answer of Copy cloud recording",
    fields: [
      copyPage("recording_id", "string", { note: "the copy page's answer was not captured: every key here is the emulator's" }),
      copyPage("bucket", "string", { note: "echoes the request" }),
      copyPage("region", "string", { note: "echoes the request" }),
      copyPage("status", "string", { note: "the emulator answers copying: the copy itself happens later" }),
      copyPage("requested_at", "integer", { note: "when the emulator took the request, in ms" }),
    ],
  },
};
