import { EmulatorError } from "../errors";
import { getCall } from "./direct-calls";
import { getLiveEvent } from "./live-events";
import { callRecordingStatuses } from "./records";
import type { CallRecord, LiveEventRecord, RecordingRecord, RoomRecord } from "./records";
import { getRoom } from "./rooms";
import type { Store } from "./store";

/** What holds a cloud recording: a live event, a direct call or a group-call room. */
export type RecordingHolder = { kind: "live"; event: LiveEventRecord } | { kind: "call"; call: CallRecord } | { kind: "room"; room: RoomRecord };

function recordingsOf(holder: RecordingHolder): RecordingRecord[] {
  if (holder.kind === "live") return holder.event.cloud_recordings;
  if (holder.kind === "call") return holder.call.cloud_recordings;
  return holder.room.cloud_recordings;
}

export function holderOf(store: Store, kind: RecordingHolder["kind"], id: string): RecordingHolder {
  if (kind === "live") return { kind, event: getLiveEvent(store, id) };
  if (kind === "call") return { kind, call: getCall(store, id) };
  return { kind, room: getRoom(store, id) };
}

/** Finds a cloud recording and what holds it. */
export function findRecording(store: Store, recordingId: string): { recording: RecordingRecord; holder: RecordingHolder } {
  const holders: RecordingHolder[] = [
    ...store.liveEventOrder.map((event) => ({ kind: "live" as const, event })),
    ...store.callOrder.map((call) => ({ kind: "call" as const, call })),
    ...store.roomOrder.map((room) => ({ kind: "room" as const, room })),
  ];
  for (const holder of holders) {
    const recording = recordingsOf(holder).find((r) => r.recording_id === recordingId);
    if (recording) return { recording, holder };
  }
  throw new EmulatorError("not_found", `Cloud recording "${recordingId}" not found.`);
}

/** The Calls docs list recording, uploading, completed and failed for calls and rooms; Live adds ready and paused. */
function checkStatus(holder: RecordingHolder, status: RecordingRecord["status"]): void {
  if (holder.kind !== "live" && !(callRecordingStatuses as readonly string[]).includes(status)) {
    throw new EmulatorError("invalid", `A ${holder.kind} recording is one of: ${callRecordingStatuses.join(", ")}.`);
  }
}

const stopped = (status: RecordingRecord["status"]) => status === "completed" || status === "failed" || status === "uploading";

/** Adds a recording (what only Sendbird's media servers do), spanning its holder's time on air so far. */
export function addRecording(store: Store, holder: RecordingHolder, status: RecordingRecord["status"]): RecordingRecord {
  checkStatus(holder, status);
  const now = store.now();
  const [from, to] =
    holder.kind === "live"
      ? [holder.event.started_at ?? now, holder.event.ended_at ?? now]
      : holder.kind === "call"
        ? [holder.call.started_at, holder.call.ended_at]
        : [holder.room.created_at, holder.room.deleted_at ?? now];
  const recording: RecordingRecord = { recording_id: store.newId(), status, started_at: from, stopped_at: stopped(status) ? to : null };
  recordingsOf(holder).push(recording);
  touchHolder(store, holder);
  return recording;
}

/** Moves a recording on; once it stops, it has a stop time. */
export function setRecordingStatus(store: Store, recordingId: string, status: RecordingRecord["status"]): RecordingRecord {
  const { recording, holder } = findRecording(store, recordingId);
  checkStatus(holder, status);
  recording.status = status;
  if (stopped(status) && recording.stopped_at === null) recording.stopped_at = store.now();
  touchHolder(store, holder);
  return recording;
}

function touchHolder(store: Store, holder: RecordingHolder): void {
  if (holder.kind === "live") store.touch(holder.event.live_event_id);
  if (holder.kind === "room" && holder.room.state !== "deleted") holder.room.updated_at = store.now();
}

export interface CopyRequest {
  bucket: string;
  region: string;
}

/**
 * Accepts a copy of a completed recording to the caller's bucket; the AWS keys are never kept. The docs offer
 * copying for live events and group calls, not for direct calls.
 */
export function copyRecording(store: Store, recordingId: string, request: CopyRequest) {
  const { recording, holder } = findRecording(store, recordingId);
  if (holder.kind === "call")
    throw new EmulatorError("not_allowed", "Recordings of direct calls cannot be copied; copying is for live events and group calls.");
  if (recording.status !== "completed") {
    throw new EmulatorError("not_allowed", `Only completed recordings can be copied; this one is "${recording.status}".`);
  }
  if (request.region !== store.region) {
    throw new EmulatorError("invalid", `"region" must be the application's region (${store.region}).`);
  }
  return { recording_id: recordingId, bucket: request.bucket, region: request.region, status: "copying", requested_at: store.now() };
}
