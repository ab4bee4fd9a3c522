// Every Live and Calls Platform answer of the emulator against the fields Sendbird's pages and SDKs show.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { apiRoutes } from "../routes";
import { startTestEmulator } from "../testing/harness";
import type { TestEmulator } from "../testing/harness";
import type { TableName } from "./documented-fields";
import { checkDocumented, documentedRows } from "./documented-fields-check";
import { collectAnswers } from "./live-calls-answers";
import type { Answers } from "./live-calls-answers";

const routeTables: { route: string; table: TableName }[] = [
  { route: "POST /v1/live-events", table: "liveEventEnvelope" },
  { route: "GET /v1/live-events", table: "liveEventList" },
  { route: "GET /v1/live-events/{live_event_id}", table: "liveEventEnvelope" },
  { route: "PUT /v1/live-events/{live_event_id}", table: "liveEventEnvelope" },
  { route: "DELETE /v1/live-events/{live_event_id}", table: "liveEventEnvelope" },
  { route: "POST /v1/live-events/{live_event_id}/ready", table: "liveEventEnvelope" },
  { route: "POST /v1/live-events/{live_event_id}/start", table: "liveEventEnvelope" },
  { route: "GET /v1/live-events/{live_event_id}/hosts", table: "hostEnvelope" },
  { route: "GET /v1/live-events/{live_event_id}/participants", table: "participantList" },
  { route: "POST /v1/cloud-recordings/{recording_id}/copy", table: "recordingCopy" },
  { route: "GET /v1/direct_calls", table: "callList" },
  { route: "GET /v1/direct_calls/{call_id}", table: "callEnvelope" },
  { route: "PUT /v1/direct_calls/{call_id}/custom_items", table: "callCustomItemsUpdate" },
  { route: "DELETE /v1/direct_calls/{call_id}/custom_items", table: "callCustomItemsDelete" },
  { route: "GET /v1/users/{user_id}/calls", table: "callList" },
  { route: "POST /v1/rooms", table: "roomEnvelope" },
  { route: "GET /v1/rooms", table: "roomList" },
  { route: "GET /v1/rooms/{room_id}", table: "roomEnvelope" },
  { route: "GET /v1/rooms/{room_id}/participants", table: "roomParticipantList" },
];

let t: TestEmulator;
let answers: Answers;
/** The rows and listed values that the answers met, gathered once all answers are in. */
const seen = new Set<string>();
const mismatches = new Map<string, string[]>();

beforeAll(async () => {
  t = await startTestEmulator({ seed: 42, size: "small" });
  answers = await collectAnswers(t);
  for (const { route, table } of routeTables) {
    const lines = (answers.get(route) ?? []).flatMap((a) => checkDocumented(a.body, table, seen).map((m) => `${a.request} ${m}`));
    mismatches.set(route, lines);
  }
});
afterAll(() => t.close());

function answersOf(route: string) {
  return answers.get(route) ?? [];
}

/** The first answer of a route whose JSON text contains `text`, as that text. */
function answerText(route: string, text: string): string {
  const answer = answersOf(route).find((a) => JSON.stringify(a.body).includes(text));
  if (!answer) throw new Error(`No answer of ${route} contains ${text}.`);
  return JSON.stringify(answer.body);
}

/** The answer with its first match of `from` replaced: a changed copy to check. */
function changed(text: string, from: RegExp, to: string): unknown {
  expect(text).toMatch(from);
  return JSON.parse(text.replace(from, to));
}

describe("the emulator's Live and Calls answers", () => {
  test("come from every Live and Calls route the emulator serves, each with a table", () => {
    const served = apiRoutes.filter((r) => r.host === "calls").map((r) => `${r.method} ${r.template}`);
    expect(routeTables.map((r) => r.route).sort()).toEqual(served.sort());
  });

  test.each(routeTables)("$route answers with only the documented fields of $table", ({ route }) => {
    expect(answersOf(route).length).toBeGreaterThan(0);
    expect(answersOf(route).filter((a) => a.status !== 200)).toEqual([]);
    expect(mismatches.get(route)).toEqual([]);
  });

  test("show every documented row, except the host media flags the resource table names has_* and the examples is_*", () => {
    const unseen = documentedRows()
      .map(({ table, row }) => `${table}.${row.field}`)
      .filter((key) => !seen.has(key));
    expect(unseen).toEqual(["host.has_audio_on", "host.has_video_on"]);
  });

  test("include a recording of each kind: live, call audio and video, room audio and video", () => {
    const targets = [...seen].filter((key) => key.includes(".target_event_type=")).sort();
    expect(targets).toEqual([
      "callRecording.target_event_type=call_audio",
      "callRecording.target_event_type=call_video",
      "liveRecording.target_event_type=live",
      "roomRecording.target_event_type=room_audio",
      "roomRecording.target_event_type=room_video",
    ]);
  });

  test("include an event on air with a connected RTMP host, a disconnected host and participants, and an ended event", () => {
    for (const key of ["liveEvent.state=ongoing", "liveEvent.state=ended", "host.state=connected", "host.state=disconnected", "host.stream_type=rtmp"]) {
      expect(seen).toContain(key);
    }
    expect(seen).toContain("participant.state=entered");
    expect(seen).toContain("participant.state=exited");
    expect(seen).toContain("room.state=deleted");
  });
});

describe("the check of a real answer", () => {
  const onAir = () => answerText("GET /v1/live-events/{live_event_id}", '"rtmp_stream"');

  test("passes the answer as it came", () => {
    expect(checkDocumented(JSON.parse(onAir()), "liveEventEnvelope")).toEqual([]);
  });

  test("fails a renamed field", () => {
    const renamed = changed(onAir(), /"is_host_streaming":/, '"isHostStreaming":');
    expect(checkDocumented(renamed, "liveEventEnvelope")).toEqual([
      "$.live_event.isHostStreaming: a liveEvent has no such field",
      "$.live_event.is_host_streaming: missing, and every liveEvent has it",
    ]);
  });

  test("fails a mistyped field deep in a host", () => {
    const mistyped = changed(onAir(), /("rtmp_stream":\{[^}]*"created_at":)(\d+)/, '$1"$2"');
    const lines = checkDocumented(mistyped, "liveEventEnvelope");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\$\.live_event\.host\.rtmp_stream\.created_at: expected integer, got string "\d+"$/);
  });

  test("fails a recording whose target type no page lists", () => {
    const room = changed(answerText("GET /v1/rooms/{room_id}", "room_video"), /"target_event_type":"room_video"/, '"target_event_type":"room"');
    expect(checkDocumented(room, "roomEnvelope")).toEqual(['$.room.cloud_recordings[0].target_event_type: "room" is not one of room_audio, room_video']);
  });

  test("fails a call whose participants lost a field the SDK reads", () => {
    const call = changed(answerText("GET /v1/direct_calls/{call_id}", '"meta_data"'), /"meta_data":/, '"metadata":');
    expect(checkDocumented(call, "callEnvelope")).toEqual([
      "$.call.participants[0].metadata: a callParticipant has no such field",
      "$.call.participants[0].meta_data: missing, and every callParticipant has it",
    ]);
  });
});
