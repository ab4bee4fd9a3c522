import type { TestEmulator } from "../testing/harness";
import { isPlainObject } from "./documented-fields-check";

/** One answer of a Platform route, keyed by the route's method and template as the emulator declares it. */
export interface Answer {
  request: string;
  status: number;
  body: unknown;
}

export type Answers = Map<string, Answer[]>;

/** The items under `key` of a page, and its `next` token. */
function pageOf(page: unknown, key: string): { items: Record<string, unknown>[]; next: unknown } {
  const list = isPlainObject(page) ? page[key] : undefined;
  if (!isPlainObject(page) || !Array.isArray(list)) throw new Error(`Not a page of ${key}: ${JSON.stringify(page).slice(0, 200)}`);
  return { items: list.filter(isPlainObject), next: page.next };
}

/**
 * Builds every shape the Live and Calls answers can take on the demo seed (an event on air with a connected
 * RTMP host, a disconnected host and participants who came and went; an ended audio-only event; recordings of
 * live events, audio and video calls, audio and video rooms; a deleted room), then calls every Live and Calls
 * route and keeps each answer, every page of every list included.
 */
export async function collectAnswers(t: TestEmulator): Promise<Answers> {
  const answers: Answers = new Map();

  async function ask(route: string, path: string, body?: unknown) {
    const method = route.slice(0, route.indexOf(" "));
    const res = await t.call(method, path, body === undefined ? {} : { body });
    answers.set(route, [...(answers.get(route) ?? []), { request: `${method} ${path}`, status: res.status, body: res.json }]);
    return res.json;
  }

  /** Follows `next` to the end and returns the items under `key` of every page. */
  async function walk(route: string, path: string, key: string): Promise<Record<string, unknown>[]> {
    let page = pageOf(await ask(route, path), key);
    const items = [...page.items];
    while (typeof page.next === "string" && page.next !== "") {
      page = pageOf(await ask(route, `${path}&next=${encodeURIComponent(page.next)}`), key);
      items.push(...page.items);
    }
    return items;
  }

  async function control(method: string, path: string, body?: unknown) {
    const res = await t.control(method, path, body);
    if (res.status !== 200) throw new Error(`${method} /__emulator${path} answered ${res.status}: ${JSON.stringify(res.json)}`);
    return res.json;
  }

  const users: string[] = (await t.call("GET", "/v3/users?limit=100&active_mode=all")).json.users.map((u: { user_id: string }) => u.user_id);
  const [rtmpHost, otherHost, audioHost] = users;
  const copyTo = { access_key: "AKIAEMULATORCONTRACT", secret_key: "contract-secret", bucket: "contract-recordings", region: "us-east-1" };

  // An event on air: an RTMP host connected, a second host gone quiet, participants who came and one who left.
  const created = await ask("POST /v1/live-events", "/v1/live-events", {
    host_type: "multiple_host",
    user_ids_for_host: [rtmpHost, otherHost],
    title: "Contract",
  });
  const onAir: string = created.live_event.live_event_id;
  await ask("PUT /v1/live-events/{live_event_id}", `/v1/live-events/${onAir}`, { title: "Contract, on air" });
  await ask("POST /v1/live-events/{live_event_id}/ready", `/v1/live-events/${onAir}/ready`);
  await ask("POST /v1/live-events/{live_event_id}/start", `/v1/live-events/${onAir}/start`);
  const rtmp = await control("POST", `/live-events/${onAir}/hosts`, { user_id: rtmpHost, stream_type: "rtmp" });
  await control("POST", `/live-events/${onAir}/hosts/${rtmp.host.host_id}/connect`);
  const quiet = await control("POST", `/live-events/${onAir}/hosts`, { user_id: otherHost });
  await control("POST", `/live-events/${onAir}/hosts/${quiet.host.host_id}/connect`);
  await control("POST", `/live-events/${onAir}/hosts/${quiet.host.host_id}/disconnect`);
  const joined = await control("POST", `/live-events/${onAir}/participants/join`, { count: 4 });
  await control("POST", `/live-events/${onAir}/participants/leave`, { user_ids: [joined.participants[0].user.user_id] });
  await control("POST", `/live-events/${onAir}/recordings`, { status: "recording" });

  // An audio-only event that ends with a completed recording, which is then copied.
  const audio = await ask("POST /v1/live-events", "/v1/live-events", { type: "live_event_for_audio_only", user_ids_for_host: [audioHost] });
  const ended: string = audio.live_event.live_event_id;
  await ask("POST /v1/live-events/{live_event_id}/ready", `/v1/live-events/${ended}/ready`);
  await ask("POST /v1/live-events/{live_event_id}/start", `/v1/live-events/${ended}/start`);
  const audioHostSession = await control("POST", `/live-events/${ended}/hosts`, { user_id: audioHost });
  await control("POST", `/live-events/${ended}/hosts/${audioHostSession.host.host_id}/connect`);
  await control("POST", `/live-events/${ended}/participants/join`, { count: 2 });
  const liveRecording = await control("POST", `/live-events/${ended}/recordings`, { status: "completed" });
  await ask("DELETE /v1/live-events/{live_event_id}", `/v1/live-events/${ended}`);
  await ask("POST /v1/cloud-recordings/{recording_id}/copy", `/v1/cloud-recordings/${liveRecording.recording.recording_id}/copy`, copyTo);

  // Direct calls: a recording of an audio and of a video call, custom items changed and deleted.
  const seeded = await walk("GET /v1/direct_calls", "/v1/direct_calls?limit=100", "calls");
  const audioCall = seeded.find((c) => c.is_video_call === false)?.call_id;
  const videoCall = seeded.find((c) => c.is_video_call === true)?.call_id;
  await control("POST", `/direct-calls/${audioCall}/recordings`, { status: "completed" });
  await control("POST", `/direct-calls/${videoCall}/recordings`, { status: "recording" });
  const items = "PUT /v1/direct_calls/{call_id}/custom_items";
  await ask(items, `/v1/direct_calls/${videoCall}/custom_items`, { custom_items: { topic: "contract", desk: "2" }, mode: "upsert" });
  await ask("DELETE /v1/direct_calls/{call_id}/custom_items", `/v1/direct_calls/${videoCall}/custom_items`, { keys: ["topic"] });
  await ask("DELETE /v1/direct_calls/{call_id}/custom_items", `/v1/direct_calls/${videoCall}/custom_items`, {});

  // Rooms: a video and an audio room with people and recordings, and one deleted the way only the SDK can.
  const video = (await ask("POST /v1/rooms", "/v1/rooms", { type: "small_room_for_video" })).room.room_id;
  const large = (await ask("POST /v1/rooms", "/v1/rooms", { type: "large_room_for_audio_only", custom_items: { floor: "2" } })).room.room_id;
  const gone = (await ask("POST /v1/rooms", "/v1/rooms", { type: "small_room_for_video" })).room.room_id;
  await control("POST", `/rooms/${video}/participants/join`, { user_ids: users.slice(3, 6) });
  await control("POST", `/rooms/${video}/participants/leave`, { user_ids: [users[3]] });
  await control("POST", `/rooms/${large}/participants/join`, { user_ids: users.slice(6, 8) });
  await control("POST", `/rooms/${gone}/participants/join`, { user_ids: users.slice(8, 9) });
  const roomRecording = await control("POST", `/rooms/${video}/recordings`, { status: "completed" });
  await control("POST", `/rooms/${large}/recordings`, { status: "recording" });
  await control("POST", `/rooms/${gone}/recordings`, { status: "completed" });
  await control("DELETE", `/rooms/${gone}`);
  await ask("POST /v1/cloud-recordings/{recording_id}/copy", `/v1/cloud-recordings/${roomRecording.recording.recording_id}/copy`, copyTo);

  // Now every read, over every item of every list; reads of items go side by side, as they change nothing.
  const events = await walk("GET /v1/live-events", "/v1/live-events?limit=10", "live_events");
  await Promise.all(
    events.map(async ({ live_event_id: id }) => {
      await ask("GET /v1/live-events/{live_event_id}", `/v1/live-events/${String(id)}`);
      await ask("GET /v1/live-events/{live_event_id}/hosts", `/v1/live-events/${String(id)}/hosts`);
      await walk("GET /v1/live-events/{live_event_id}/participants", `/v1/live-events/${String(id)}/participants?limit=3`, "participants");
    }),
  );
  const calls = await walk("GET /v1/direct_calls", "/v1/direct_calls?limit=100", "calls");
  await Promise.all(calls.map(({ call_id: id }) => ask("GET /v1/direct_calls/{call_id}", `/v1/direct_calls/${String(id)}`)));
  await Promise.all(users.map((user) => walk("GET /v1/users/{user_id}/calls", `/v1/users/${encodeURIComponent(user)}/calls?limit=100`, "calls")));
  const rooms = await walk("GET /v1/rooms", "/v1/rooms?limit=2", "rooms");
  await Promise.all(
    rooms.map(async ({ room_id: id }) => {
      await ask("GET /v1/rooms/{room_id}", `/v1/rooms/${String(id)}`);
      await walk("GET /v1/rooms/{room_id}/participants", `/v1/rooms/${String(id)}/participants?limit=2`, "participants");
    }),
  );
  return answers;
}
