import { describe, expect, test } from "vitest";
import { createSendbirdClient } from "./client";
import type { SendbirdClient, SendbirdClientOptions } from "./client";
import { sanitizeRaw, userDtoSchema } from "./dto";
import {
  SendbirdAuthError,
  SendbirdConflictError,
  SendbirdError,
  SendbirdNotFoundError,
  SendbirdPermissionError,
  SendbirdRateLimitError,
  SendbirdResponseError,
  SendbirdServerError,
  SendbirdStateError,
  SendbirdValidationError,
} from "./errors";
import type { SendbirdHost } from "./errors";
import { fakeFetch, routeTable } from "./testing/fake-fetch";
import type { FakeReply, Responder } from "./testing/fake-fetch";
import { wire } from "./testing/wire";

const CALLS = "https://api-app1.calls.sendbird.com/v1";
const CHAT = "https://api-app1.sendbird.com/v3";
const TOKEN = "api-token-for-tests";
/** An id that breaks any path built without encoding: a slash, a space, a percent sign and a non-ASCII letter. */
const ODD = "a/b c%é";
const ENC = "a%2Fb%20c%25%C3%A9";

const gold = { tier: "gold" };

/** One valid answer per endpoint, each built from the client's own schemas. */
const canned = routeTable({
  "POST /v1/live-events": () => ({ live_event: wire.liveEvent() }),
  "GET /v1/live-events": () => ({ live_events: [wire.liveEvent()], prev: null, next: "le-page-2" }),
  "GET /v1/live-events/{id}": () => ({ live_event: wire.liveEvent() }),
  "PUT /v1/live-events/{id}": () => ({ live_event: wire.liveEvent() }),
  "DELETE /v1/live-events/{id}": () => ({ live_event: wire.liveEvent({ state: "ended" }) }),
  "POST /v1/live-events/{id}/ready": () => ({ live_event: wire.liveEvent({ state: "ready" }) }),
  "POST /v1/live-events/{id}/start": () => ({ live_event: wire.liveEvent({ state: "ongoing" }) }),
  "GET /v1/live-events/{id}/hosts": () => ({ host: wire.host() }),
  "GET /v1/live-events/{id}/participants": () => ({ participants: [wire.participant()], prev: null, next: null }),
  "POST /v1/cloud-recordings/{id}/copy": () => ({ recording_id: ODD, bucket: "my-bucket", region: "us-east-1", status: "copying", requested_at: 1 }),
  "GET /v1/direct_calls": () => ({ calls: [wire.call()], next: "call-page-2", has_next: true }),
  "GET /v1/direct_calls/{id}": () => ({ call: wire.call() }),
  "PUT /v1/direct_calls/{id}/custom_items": () => ({ call_id: "call-1", custom_items: gold, updated: ["tier"], affected_at: 1 }),
  "DELETE /v1/direct_calls/{id}/custom_items": () => ({ call_id: "call-1", custom_items: {}, deleted: ["tier"], affected_at: 1 }),
  "GET /v1/users/{id}/calls": () => ({ calls: [wire.call({ user_role: "dc_callee" })], next: null, has_next: false }),
  "POST /v1/rooms": () => ({ room: wire.room() }),
  "GET /v1/rooms": () => ({ rooms: [wire.room()], next: null, prev: null }),
  "GET /v1/rooms/{id}": () => ({ room: wire.room({ current_participants: [wire.roomParticipant()] }) }),
  "GET /v1/rooms/{id}/participants": () => ({ participants: [wire.roomParticipant()], next: null, prev: null }),
  "POST /v3/users": () => ({ ...wire.user(), is_created: true }),
  "GET /v3/users": () => ({ users: [wire.user()], next: "user-page-2" }),
  "GET /v3/users/{id}": () => wire.user(),
  "PUT /v3/users/{id}": () => wire.user(),
  "DELETE /v3/users/{id}": () => ({}),
  "POST /v3/users/{id}/metadata": () => ({ team: "a" }),
  "PUT /v3/users/{id}/metadata/{id}": () => ({ "a/b c": "v" }),
  "DELETE /v3/users/{id}/metadata/{id}": () => ({}),
  "POST /v3/users/{id}/token": () => ({ token: "session-token-1", expires_at: 1_800_000_000_000 }),
  "DELETE /v3/users/{id}/token": () => ({}),
  "GET /v3/applications/api_tokens": () => ({ api_tokens: [wire.apiToken()] }),
  "POST /v3/applications/api_tokens": () => wire.apiToken(),
  "GET /v3/applications/api_tokens/{token}": () => wire.apiToken(),
  "DELETE /v3/applications/api_tokens/{token}": () => ({}),
});

function clientFor(respond: Responder, options: Partial<SendbirdClientOptions> = {}) {
  const fake = fakeFetch(respond);
  const client = createSendbirdClient({ appId: "app1", apiToken: TOKEN, fetch: fake.fetch, throttle: false, ...options });
  return { client, sent: fake.sent };
}

/** Drains an async iterable, failing instead of hanging when a list never ends. */
async function collect<T>(items: AsyncIterable<T>, max = 100): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) {
    out.push(item);
    if (out.length > max) throw new Error(`more than ${max} items: the list does not end`);
  }
  return out;
}

/** Rows for `test.each("%s")`, titled by a sentence instead of quoted values. */
function named<T>(rows: T[], title: (row: T) => string): [string, T][] {
  return rows.map((row) => [title(row), row]);
}

async function failure(promise: Promise<unknown>): Promise<SendbirdError> {
  const err = await promise.then(
    () => new Error("expected the call to fail"),
    (e: unknown) => e,
  );
  if (!(err instanceof SendbirdError)) throw err;
  return err;
}

interface ShapeCase {
  /** `namespace.method` of the client, as the coverage check below reads it. */
  api: string;
  does: string;
  call: (c: SendbirdClient) => Promise<unknown>;
  method: "GET" | "POST" | "PUT" | "DELETE";
  url: string;
  /** The JSON body sent; absent for a request without a body. */
  body?: unknown;
  returns: unknown;
}

const event = expect.objectContaining({ id: "le-1", title: "Launch" });
const user = expect.objectContaining({ userId: "u-1", nickname: "Una" });
const room = expect.objectContaining({ roomId: "room-1" });
const noBody = undefined;

const shapes: ShapeCase[] = [
  // Live events
  {
    api: "liveEvents.create",
    does: "sends host_type, the host candidates and the optional fields",
    call: (c) => c.liveEvents.create({ hostCandidates: ["u-1", ODD], title: "Launch", coverUrl: "https://cdn.example/c.png" }),
    method: "POST",
    url: `${CALLS}/live-events`,
    body: { host_type: "single_host", user_ids_for_host: ["u-1", ODD], title: "Launch", cover_url: "https://cdn.example/c.png" },
    returns: event,
  },
  {
    api: "liveEvents.create",
    does: "also sends type for an audio-only event",
    call: (c) => c.liveEvents.create({ hostCandidates: ["u-1"], audioOnly: true }),
    method: "POST",
    url: `${CALLS}/live-events`,
    body: { host_type: "single_host", type: "live_event_for_audio_only", user_ids_for_host: ["u-1"] },
    returns: event,
  },
  {
    api: "liveEvents.setReady",
    does: "posts to /ready",
    call: (c) => c.liveEvents.setReady(ODD),
    method: "POST",
    url: `${CALLS}/live-events/${ENC}/ready`,
    body: {},
    returns: expect.objectContaining({ state: "ready" }),
  },
  {
    api: "liveEvents.start",
    does: "posts to /start",
    call: (c) => c.liveEvents.start(ODD),
    method: "POST",
    url: `${CALLS}/live-events/${ENC}/start`,
    body: {},
    returns: expect.objectContaining({ state: "ongoing" }),
  },
  {
    api: "liveEvents.update",
    does: "puts only the given fields",
    call: (c) => c.liveEvents.update(ODD, { title: "Relaunch", coverUrl: "", hostCandidates: ["u-2"] }),
    method: "PUT",
    url: `${CALLS}/live-events/${ENC}`,
    body: { title: "Relaunch", cover_url: "", user_ids_for_host: ["u-2"] },
    returns: event,
  },
  {
    api: "liveEvents.update",
    does: "leaves out what is not changed",
    call: (c) => c.liveEvents.update(ODD, { title: "Relaunch" }),
    method: "PUT",
    url: `${CALLS}/live-events/${ENC}`,
    body: { title: "Relaunch" },
    returns: event,
  },
  {
    api: "liveEvents.end",
    does: "deletes the event",
    call: (c) => c.liveEvents.end(ODD),
    method: "DELETE",
    url: `${CALLS}/live-events/${ENC}`,
    body: {},
    returns: expect.objectContaining({ state: "ended" }),
  },
  {
    api: "liveEvents.retrieve",
    does: "gets one event",
    call: (c) => c.liveEvents.retrieve(ODD),
    method: "GET",
    url: `${CALLS}/live-events/${ENC}`,
    body: noBody,
    returns: event,
  },
  {
    api: "liveEvents.retrieveWithRaw",
    does: "gets one event with Sendbird's object beside it",
    call: (c) => c.liveEvents.retrieveWithRaw(ODD),
    method: "GET",
    url: `${CALLS}/live-events/${ENC}`,
    body: noBody,
    returns: { event, raw: expect.objectContaining({ live_event_id: "le-1", title: "Launch" }) },
  },
  {
    api: "liveEvents.list",
    does: "sends every filter, multi-value ones as one comma-separated param",
    call: (c) =>
      c.liveEvents.list({
        states: ["created", "ongoing"],
        types: ["video", "audio"],
        createdFrom: 1,
        createdTo: 2,
        startedFrom: 3,
        startedTo: 4,
        participantsMin: 5,
        participantsMax: 6,
        ids: [ODD, "le-2"],
        createdBy: ["a@b.c"],
        limit: 20,
        next: "tok+/=",
      }),
    method: "GET",
    url:
      `${CALLS}/live-events?state=created,ongoing&types=live_event_for_video,live_event_for_audio_only` +
      `&created_at_start_date=1&created_at_end_date=2&started_at_start_date=3&started_at_end_date=4` +
      `&participant_count_range_gte=5&participant_count_range_lte=6&live_event_ids=${ENC},le-2` +
      `&created_by_user_ids=a%40b.c&limit=20&next=tok%2B%2F%3D`,
    body: noBody,
    returns: { items: [event], next: "le-page-2", prev: null },
  },
  {
    api: "liveEvents.list",
    does: "sends no query without filters",
    call: (c) => c.liveEvents.list(),
    method: "GET",
    url: `${CALLS}/live-events`,
    body: noBody,
    returns: { items: [event], next: "le-page-2", prev: null },
  },
  {
    api: "liveEvents.hosts",
    does: "gets the hosts",
    call: (c) => c.liveEvents.hosts(ODD),
    method: "GET",
    url: `${CALLS}/live-events/${ENC}/hosts`,
    body: noBody,
    returns: [expect.objectContaining({ hostId: "h-1", userId: "u-1" })],
  },
  {
    api: "liveEvents.participants",
    does: "pages forward with next",
    call: (c) => c.liveEvents.participants({ liveEventId: ODD, limit: 5, next: "p2" }),
    method: "GET",
    url: `${CALLS}/live-events/${ENC}/participants?limit=5&next=p2`,
    body: noBody,
    returns: { items: [expect.objectContaining({ participantId: "p-1", userId: "u-2" })], next: null, prev: null },
  },
  {
    api: "liveEvents.participants",
    does: "pages back with prev",
    call: (c) => c.liveEvents.participants({ liveEventId: ODD, prev: "p0" }),
    method: "GET",
    url: `${CALLS}/live-events/${ENC}/participants?prev=p0`,
    body: noBody,
    returns: expect.objectContaining({ next: null }),
  },
  {
    api: "recordings.copy",
    does: "posts the bucket and the keys",
    call: (c) => c.recordings.copy(ODD, { bucket: "my-bucket", region: "us-east-1", accessKey: "AKIAEXAMPLE", secretKey: "s3cr3t" }),
    method: "POST",
    url: `${CALLS}/cloud-recordings/${ENC}/copy`,
    body: { bucket: "my-bucket", region: "us-east-1", access_key: "AKIAEXAMPLE", secret_key: "s3cr3t" },
    returns: { recordingId: ODD, status: "copying", bucket: "my-bucket", region: "us-east-1" },
  },
  // Direct calls
  {
    api: "directCalls.list",
    does: "sends every filter",
    call: (c) =>
      c.directCalls.list({
        endResults: ["completed", "no_answer"],
        callTs: 1_700_000_000_000,
        scope: "next",
        durationMinMs: 1000,
        durationMaxMs: 2000,
        limit: 3,
        next: "c1",
      }),
    method: "GET",
    url:
      `${CALLS}/direct_calls?end_result=completed,no_answer&call_ts=1700000000000&search_scope_from_call_ts=next` +
      `&duration_range_min=1000&duration_range_max=2000&limit=3&next=c1`,
    body: noBody,
    returns: { items: [expect.objectContaining({ callId: "call-1" })], next: "call-page-2", prev: null },
  },
  {
    api: "directCalls.list",
    does: "searches before call_ts by default",
    call: (c) => c.directCalls.list({ callTs: 5 }),
    method: "GET",
    url: `${CALLS}/direct_calls?call_ts=5&search_scope_from_call_ts=prev`,
    body: noBody,
    returns: expect.objectContaining({ next: "call-page-2" }),
  },
  {
    api: "directCalls.retrieve",
    does: "gets one call and unwraps it",
    call: (c) => c.directCalls.retrieve(ODD),
    method: "GET",
    url: `${CALLS}/direct_calls/${ENC}`,
    body: noBody,
    returns: expect.objectContaining({
      callId: "call-1",
      caller: expect.objectContaining({ userId: "u-1" }),
      callee: expect.objectContaining({ userId: "u-2" }),
    }),
  },
  {
    api: "directCalls.retrieveWithRaw",
    does: "gets one call with Sendbird's object, credentials removed",
    call: (c) => c.directCalls.retrieveWithRaw(ODD),
    method: "GET",
    url: `${CALLS}/direct_calls/${ENC}`,
    body: noBody,
    returns: expect.objectContaining({ call: expect.objectContaining({ callId: "call-1" }), raw: expect.objectContaining({ call_id: "call-1" }) }),
  },
  {
    api: "directCalls.userCalls",
    does: "sends start_ts and end_ts in seconds from millisecond inputs",
    call: (c) =>
      c.directCalls.userCalls({
        userId: ODD,
        role: "dc_callee",
        endResults: ["declined", "canceled"],
        startedAfter: 1_700_000_000_999,
        endedBefore: 1_700_000_100_500,
        limit: 2,
        next: "u1",
      }),
    method: "GET",
    url: `${CALLS}/users/${ENC}/calls?type=direct&role=dc_callee&end_result=declined,canceled&start_ts=1700000000&end_ts=1700000100&limit=2&next=u1`,
    body: noBody,
    returns: { items: [expect.objectContaining({ callId: "call-1", userRole: "dc_callee" })], next: null, prev: null },
  },
  {
    api: "directCalls.customItems.update",
    does: "upserts with snake_case custom_items",
    call: (c) => c.directCalls.customItems.update(ODD, gold),
    method: "PUT",
    url: `${CALLS}/direct_calls/${ENC}/custom_items`,
    body: { custom_items: gold, mode: "upsert" },
    returns: gold,
  },
  {
    api: "directCalls.customItems.delete",
    does: "deletes the given keys",
    call: (c) => c.directCalls.customItems.delete(ODD, ["tier"]),
    method: "DELETE",
    url: `${CALLS}/direct_calls/${ENC}/custom_items`,
    body: { keys: ["tier"] },
    returns: {},
  },
  {
    api: "directCalls.customItems.delete",
    does: "deletes every item without keys",
    call: (c) => c.directCalls.customItems.delete(ODD),
    method: "DELETE",
    url: `${CALLS}/direct_calls/${ENC}/custom_items`,
    body: {},
    returns: {},
  },
  // Rooms
  {
    api: "rooms.create",
    does: "posts the type and custom items",
    call: (c) => c.rooms.create("large_room_for_audio_only", gold),
    method: "POST",
    url: `${CALLS}/rooms`,
    body: { type: "large_room_for_audio_only", custom_items: gold },
    returns: room,
  },
  {
    api: "rooms.create",
    does: "posts only the type without custom items",
    call: (c) => c.rooms.create("small_room_for_video"),
    method: "POST",
    url: `${CALLS}/rooms`,
    body: { type: "small_room_for_video" },
    returns: room,
  },
  {
    api: "rooms.list",
    does: "sends every filter, a zero included",
    call: (c) =>
      c.rooms.list({
        type: "small_room_for_video",
        state: "open",
        roomIds: [ODD, "room-2"],
        createdFrom: 1,
        createdTo: 2,
        participantsMin: 0,
        participantsMax: 6,
        createdBy: ["u-1", "u@2"],
        limit: 10,
        next: "r2",
      }),
    method: "GET",
    url:
      `${CALLS}/rooms?type=small_room_for_video&state=open&room_ids=${ENC},room-2&created_at_start_date=1&created_at_end_date=2` +
      `&current_participant_range_gte=0&current_participant_range_lte=6&created_by_user_ids=u-1,u%402&limit=10&next=r2`,
    body: noBody,
    returns: { items: [room], next: null, prev: null },
  },
  {
    api: "rooms.retrieve",
    does: "gets one room with its participants",
    call: (c) => c.rooms.retrieve(ODD),
    method: "GET",
    url: `${CALLS}/rooms/${ENC}`,
    body: noBody,
    returns: expect.objectContaining({ roomId: "room-1", currentParticipants: [expect.objectContaining({ participantId: "rp-1" })] }),
  },
  {
    api: "rooms.retrieveWithRaw",
    does: "gets one room with Sendbird's object, credentials removed",
    call: (c) => c.rooms.retrieveWithRaw(ODD),
    method: "GET",
    url: `${CALLS}/rooms/${ENC}`,
    body: noBody,
    returns: expect.objectContaining({ room: expect.objectContaining({ roomId: "room-1" }), raw: expect.objectContaining({ room_id: "room-1" }) }),
  },
  {
    api: "rooms.participants",
    does: "pages with limit and next",
    call: (c) => c.rooms.participants({ roomId: ODD, limit: 4, next: "rp2" }),
    method: "GET",
    url: `${CALLS}/rooms/${ENC}/participants?limit=4&next=rp2`,
    body: noBody,
    returns: { items: [expect.objectContaining({ participantId: "rp-1", userId: "u-3" })], next: null, prev: null },
  },
  // Users (Chat)
  {
    api: "users.create",
    does: "posts the user",
    call: (c) => c.users.create({ userId: ODD, nickname: "Odd", profileUrl: "https://cdn.example/odd.png", metadata: { team: "a" } }),
    method: "POST",
    url: `${CHAT}/users`,
    body: { user_id: ODD, nickname: "Odd", profile_url: "https://cdn.example/odd.png", metadata: { team: "a" } },
    returns: user,
  },
  {
    api: "users.create",
    does: "sends an empty profile_url when none is given",
    call: (c) => c.users.create({ userId: "u-1", nickname: "Una" }),
    method: "POST",
    url: `${CHAT}/users`,
    body: { user_id: "u-1", nickname: "Una", profile_url: "" },
    returns: user,
  },
  {
    api: "users.list",
    does: "sends every filter and the page as token",
    call: (c) =>
      c.users.list({
        userIds: ["a@b.c", ODD],
        nickname: "Una B",
        nicknameStartsWith: "Un",
        metadataKey: "team",
        metadataValues: ["red", "blue"],
        activeMode: "all",
        limit: 50,
        next: "tok==",
      }),
    method: "GET",
    url: `${CHAT}/users?user_ids=a%40b.c,${ENC}&nickname=Una%20B&nickname_startswith=Un&metadatakey=team&metadatavalues_in=red,blue&active_mode=all&limit=50&token=tok%3D%3D`,
    body: noBody,
    returns: { items: [user], next: "user-page-2", prev: null },
  },
  {
    api: "users.retrieve",
    does: "gets one user",
    call: (c) => c.users.retrieve(ODD),
    method: "GET",
    url: `${CHAT}/users/${ENC}`,
    body: noBody,
    returns: user,
  },
  {
    api: "users.update",
    does: "puts only the given fields",
    call: (c) => c.users.update(ODD, { nickname: "New", profileUrl: "" }),
    method: "PUT",
    url: `${CHAT}/users/${ENC}`,
    body: { nickname: "New", profile_url: "" },
    returns: user,
  },
  {
    api: "users.metadata.create",
    does: "posts the new items under metadata",
    call: (c) => c.users.metadata.create(ODD, { team: "a" }),
    method: "POST",
    url: `${CHAT}/users/${ENC}/metadata`,
    body: { metadata: { team: "a" } },
    returns: { team: "a" },
  },
  {
    api: "users.metadata.update",
    does: "puts one key's value at the key's own path",
    call: (c) => c.users.metadata.update(ODD, "a/b c", "v"),
    method: "PUT",
    url: `${CHAT}/users/${ENC}/metadata/a%2Fb%20c`,
    body: { value: "v" },
    returns: { "a/b c": "v" },
  },
  {
    api: "users.metadata.delete",
    does: "deletes one key at its own path",
    call: (c) => c.users.metadata.delete(ODD, "team"),
    method: "DELETE",
    url: `${CHAT}/users/${ENC}/metadata/team`,
    body: {},
    returns: undefined,
  },
  {
    api: "users.deactivate",
    does: "leaves all channels by default",
    call: (c) => c.users.deactivate(ODD),
    method: "PUT",
    url: `${CHAT}/users/${ENC}`,
    body: { is_active: false, leave_all_when_deactivated: true },
    returns: user,
  },
  {
    api: "users.deactivate",
    does: "can keep the channels",
    call: (c) => c.users.deactivate(ODD, false),
    method: "PUT",
    url: `${CHAT}/users/${ENC}`,
    body: { is_active: false, leave_all_when_deactivated: false },
    returns: user,
  },
  {
    api: "users.reactivate",
    does: "sets is_active",
    call: (c) => c.users.reactivate(ODD),
    method: "PUT",
    url: `${CHAT}/users/${ENC}`,
    body: { is_active: true },
    returns: user,
  },
  {
    api: "users.delete",
    does: "deletes the user",
    call: (c) => c.users.delete(ODD),
    method: "DELETE",
    url: `${CHAT}/users/${ENC}`,
    body: {},
    returns: undefined,
  },
  {
    api: "users.issueSessionToken",
    does: "posts the expiry",
    call: (c) => c.users.issueSessionToken(ODD, 1_800_000_000_000),
    method: "POST",
    url: `${CHAT}/users/${ENC}/token`,
    body: { expires_at: 1_800_000_000_000 },
    returns: { token: "session-token-1", expiresAt: 1_800_000_000_000 },
  },
  {
    api: "users.issueSessionToken",
    does: "posts an empty body without an expiry",
    call: (c) => c.users.issueSessionToken(ODD),
    method: "POST",
    url: `${CHAT}/users/${ENC}/token`,
    body: {},
    returns: { token: "session-token-1", expiresAt: 1_800_000_000_000 },
  },
  {
    api: "users.revokeSessionTokens",
    does: "deletes the tokens",
    call: (c) => c.users.revokeSessionTokens(ODD),
    method: "DELETE",
    url: `${CHAT}/users/${ENC}/token`,
    body: {},
    returns: undefined,
  },
  // Secondary API tokens (Chat)
  {
    api: "apiTokens.list",
    does: "lists the tokens with created_at read as seconds",
    call: (c) => c.apiTokens.list(),
    method: "GET",
    url: `${CHAT}/applications/api_tokens`,
    body: noBody,
    returns: [{ token: "tok-secondary-1", createdAt: 1_596_607_063_000 }],
  },
  {
    api: "apiTokens.generate",
    does: "posts an empty body",
    call: (c) => c.apiTokens.generate(),
    method: "POST",
    url: `${CHAT}/applications/api_tokens`,
    body: {},
    returns: { token: "tok-secondary-1", createdAt: 1_596_607_063_000 },
  },
  {
    api: "apiTokens.retrieve",
    does: "gets one token",
    call: (c) => c.apiTokens.retrieve(ODD),
    method: "GET",
    url: `${CHAT}/applications/api_tokens/${ENC}`,
    body: noBody,
    returns: { token: "tok-secondary-1", createdAt: 1_596_607_063_000 },
  },
  {
    api: "apiTokens.revoke",
    does: "deletes the token",
    call: (c) => c.apiTokens.revoke(ODD),
    method: "DELETE",
    url: `${CHAT}/applications/api_tokens/${ENC}`,
    body: {},
    returns: undefined,
  },
];

describe("request shape", () => {
  test.each(named(shapes, (s) => `${s.api} ${s.does}`))("%s", async (_name, { call, method, url, body, returns }) => {
    const { client, sent } = clientFor(canned);
    await expect(call(client)).resolves.toEqual(returns);
    expect(sent).toHaveLength(1);
    const [request] = sent;
    expect({ method: request?.method, url: request?.url, body: request?.body }).toEqual({ method, url, body });
    expect(request?.headers.get("Api-Token")).toBe(TOKEN);
    expect(request?.headers.get("Content-Type")).toBe("application/json; charset=utf8");
  });

  test("the table covers every method of the client", () => {
    const { client } = clientFor(canned);
    const names = (value: object, prefix: string): string[] =>
      Object.entries(value).flatMap(([key, member]: [string, unknown]) =>
        typeof member === "function" ? [`${prefix}${key}`] : typeof member === "object" && member !== null ? names(member, `${prefix}${key}.`) : [],
      );
    // The resources' methods; the client's own members (runsOn, withToken) send nothing.
    const resources = Object.fromEntries(Object.entries(client).filter(([, member]) => typeof member === "object"));
    expect(new Set(shapes.map((s) => s.api))).toEqual(new Set(names(resources, "")));
  });

  test("the base URLs come from the app id, and explicit ones win", async () => {
    const fake = fakeFetch(canned);
    const client = createSendbirdClient({
      apiToken: TOKEN,
      fetch: fake.fetch,
      throttle: false,
      callsBaseUrl: "http://127.0.0.1:9/v1/",
      chatBaseUrl: "http://127.0.0.1:9/v3",
    });
    await client.liveEvents.retrieve("le-1");
    await client.users.retrieve("u-1");
    expect(fake.sent.map((r) => r.url)).toEqual(["http://127.0.0.1:9/v1/live-events/le-1", "http://127.0.0.1:9/v3/users/u-1"]);
    expect(() => createSendbirdClient({ apiToken: TOKEN })).toThrow(/appId/);
  });
});

describe("mapping answers to DTOs", () => {
  const secretUser = wire.user({
    access_token: "SECRET-ACCESS-TOKEN",
    session_tokens: [{ session_token: "SECRET-SESSION-TOKEN", expires_at: 1_800_000_000_000 }],
  });

  test("user DTOs drop access_token and session_tokens but say a token exists", async () => {
    const { client } = clientFor(
      routeTable({
        "POST /v3/users": () => secretUser,
        "GET /v3/users": () => ({ users: [secretUser], next: "" }),
        "GET /v3/users/{id}": () => secretUser,
        "PUT /v3/users/{id}": () => secretUser,
      }),
    );
    const dtos = [
      await client.users.create({ userId: "u-1", nickname: "Una" }),
      ...(await client.users.list()).items,
      await client.users.retrieve("u-1"),
      await client.users.update("u-1", { nickname: "Una" }),
      await client.users.deactivate("u-1"),
    ];
    for (const dto of dtos) {
      expect(JSON.stringify(dto)).not.toMatch(/SECRET|access_token|session_token/);
      expect(dto.hasAccessToken).toBe(true);
      expect(() => userDtoSchema.strict().parse(dto)).not.toThrow();
    }
  });

  test("live event and host DTOs drop the RTMP stream and its key", async () => {
    const rtmp = { rtmp_stream_id: "rs-1", rtmp_host_url: "rtmp://ingest.example/live", stream_key: "SECRET-STREAM-KEY", created_at: 1 };
    const host = wire.host({ stream_type: "rtmp", rtmp_stream: rtmp });
    const secretEvent = wire.liveEvent({ state: "ongoing", host, hosts: [host] });
    const { client } = clientFor(
      routeTable({
        "GET /v1/live-events": () => ({ live_events: [secretEvent], next: null }),
        "GET /v1/live-events/{id}": () => ({ live_event: secretEvent }),
        "GET /v1/live-events/{id}/hosts": () => ({ host, hosts: [host] }),
      }),
    );
    const dtos = [await client.liveEvents.retrieve("le-1"), ...(await client.liveEvents.list()).items, await client.liveEvents.hosts("le-1")];
    for (const dto of dtos) {
      const text = JSON.stringify(dto);
      expect(text).not.toMatch(/SECRET-STREAM-KEY|rtmp_stream|stream_key|ingest\.example/);
      expect(text).toContain("h-1");
    }
  });

  test("raw JSON shown for debugging is stripped of every credential", () => {
    const raw = { user: wire.user({ access_token: "SECRET-A" }), hosts: [{ rtmp_stream: { stream_key: "SECRET-B" } }], secret_key: "SECRET-C" };
    expect(JSON.stringify(sanitizeRaw(raw))).not.toContain("SECRET");
  });

  const hostShapes = [
    { shape: "only host (older generation)", answer: { host: wire.host() }, hostIds: ["h-1"] },
    { shape: "only hosts (newer generation)", answer: { hosts: [wire.host(), wire.host({ host_id: "h-2" })] }, hostIds: ["h-1", "h-2"] },
    { shape: "host and hosts", answer: { host: wire.host(), hosts: [wire.host(), wire.host({ host_id: "h-2" })] }, hostIds: ["h-1", "h-2"] },
    { shape: "a null host", answer: { host: null }, hostIds: [] },
    { shape: "an empty hosts and a null host", answer: { host: null, hosts: [] }, hostIds: [] },
  ];
  test.each(named(hostShapes, (c) => `hosts are read from ${c.shape}`))("%s", async (_name, { answer, hostIds }) => {
    const { client } = clientFor(
      routeTable({
        "GET /v1/live-events/{id}/hosts": () => answer,
        "GET /v1/live-events/{id}": () => ({ live_event: wire.liveEvent({ host: undefined, hosts: undefined, ...answer }) }),
      }),
    );
    expect((await client.liveEvents.hosts("le-1")).map((h) => h.hostId)).toEqual(hostIds);
    expect((await client.liveEvents.retrieve("le-1")).hosts.map((h) => h.hostId)).toEqual(hostIds);
  });

  const mediaFlags = [
    { flags: "is_audio_on / is_video_on", host: { is_audio_on: false, is_video_on: true }, audioOn: false, videoOn: true },
    {
      flags: "has_audio_on / has_video_on when is_* are absent",
      host: { is_audio_on: undefined, is_video_on: undefined, has_audio_on: true, has_video_on: false },
      audioOn: true,
      videoOn: false,
    },
    { flags: "is_* before has_*", host: { is_audio_on: false, has_audio_on: true, is_video_on: true, has_video_on: false }, audioOn: false, videoOn: true },
    { flags: "no flag at all as off", host: { is_audio_on: undefined, is_video_on: undefined }, audioOn: false, videoOn: false },
  ];
  test.each(named(mediaFlags, (c) => `host media flags read ${c.flags}`))("%s", async (_name, { host, audioOn, videoOn }) => {
    const { client } = clientFor(routeTable({ "GET /v1/live-events/{id}/hosts": () => ({ hosts: [wire.host(host)] }) }));
    const [dto] = await client.liveEvents.hosts("le-1");
    expect(dto).toMatchObject({ audioOn, videoOn });
  });

  const chatTimes = [
    { unit: "seconds", createdAt: 1_700_000_000, expected: 1_700_000_000_000 },
    { unit: "milliseconds", createdAt: 1_700_000_000_123, expected: 1_700_000_000_123 },
    { unit: "just under 1e12 (seconds)", createdAt: 999_999_999_999, expected: 999_999_999_999_000 },
    { unit: "zero (unknown)", createdAt: 0, expected: null },
  ];
  test.each(named(chatTimes, (c) => `a Chat created_at in ${c.unit} becomes milliseconds`))("%s", async (_name, { createdAt, expected }) => {
    const { client } = clientFor(
      routeTable({
        "GET /v3/users/{id}": () => wire.user({ created_at: createdAt, last_seen_at: createdAt }),
        "GET /v3/applications/api_tokens/{token}": () => wire.apiToken({ created_at: createdAt }),
      }),
    );
    expect(await client.users.retrieve("u-1")).toMatchObject({ createdAt: expected, lastSeenAt: expected });
    expect((await client.apiTokens.retrieve("t")).createdAt).toBe(expected ?? 0);
  });
});

interface ListingCase {
  listing: string;
  /** Every id `.all()` yields, in order. */
  ids: (c: SendbirdClient) => Promise<string[]>;
  /** The URL of a page: the first without a token. */
  url: (token?: string) => string;
  /** An answer holding these ids and this `next` (undefined: no `next` field at all). */
  page: (ids: string[], next: string | null | undefined) => unknown;
}

const withNext = (next: string | null | undefined) => (next === undefined ? {} : { next });

const listings: ListingCase[] = [
  {
    listing: "liveEvents.list",
    ids: async (c) => (await collect(c.liveEvents.list.all({ states: ["ongoing"], limit: 2 }))).map((e) => e.id),
    url: (token) => `${CALLS}/live-events?state=ongoing&limit=2${token ? `&next=${token}` : ""}`,
    page: (ids, next) => ({ live_events: ids.map((id) => wire.liveEvent({ live_event_id: id })), prev: null, ...withNext(next) }),
  },
  {
    listing: "liveEvents.participants",
    ids: async (c) => (await collect(c.liveEvents.participants.all({ liveEventId: ODD, limit: 2 }))).map((p) => p.participantId),
    url: (token) => `${CALLS}/live-events/${ENC}/participants?limit=2${token ? `&next=${token}` : ""}`,
    page: (ids, next) => ({ participants: ids.map((id) => wire.participant({ participant_id: id })), ...withNext(next) }),
  },
  {
    listing: "directCalls.list",
    ids: async (c) => (await collect(c.directCalls.list.all({ endResults: ["completed"], limit: 2 }))).map((call) => call.callId),
    url: (token) => `${CALLS}/direct_calls?end_result=completed&limit=2${token ? `&next=${token}` : ""}`,
    page: (ids, next) => ({ calls: ids.map((id) => wire.call({ call_id: id })), has_next: true, ...withNext(next) }),
  },
  {
    listing: "directCalls.userCalls",
    ids: async (c) => (await collect(c.directCalls.userCalls.all({ userId: ODD, limit: 2 }))).map((call) => call.callId),
    url: (token) => `${CALLS}/users/${ENC}/calls?type=direct&limit=2${token ? `&next=${token}` : ""}`,
    page: (ids, next) => ({ calls: ids.map((id) => wire.call({ call_id: id })), has_next: true, ...withNext(next) }),
  },
  {
    listing: "rooms.list",
    ids: async (c) => (await collect(c.rooms.list.all({ state: "open", limit: 2 }))).map((r) => r.roomId),
    url: (token) => `${CALLS}/rooms?state=open&limit=2${token ? `&next=${token}` : ""}`,
    page: (ids, next) => ({ rooms: ids.map((id) => wire.room({ room_id: id })), prev: null, ...withNext(next) }),
  },
  {
    listing: "rooms.participants",
    ids: async (c) => (await collect(c.rooms.participants.all({ roomId: ODD, limit: 2 }))).map((p) => p.participantId),
    url: (token) => `${CALLS}/rooms/${ENC}/participants?limit=2${token ? `&next=${token}` : ""}`,
    page: (ids, next) => ({ participants: ids.map((id) => wire.roomParticipant({ participant_id: id })), ...withNext(next) }),
  },
  {
    listing: "users.list",
    ids: async (c) => (await collect(c.users.list.all({ activeMode: "all", limit: 2 }))).map((u) => u.userId),
    url: (token) => `${CHAT}/users?active_mode=all&limit=2${token ? `&token=${token}` : ""}`,
    page: (ids, next) => ({ users: ids.map((id) => wire.user({ user_id: id })), ...withNext(next) }),
  },
];

/** Answers three pages, chained by the tokens `t2` and `t3`, the last with `last` as its `next`. */
function threePages(c: ListingCase, last: string | null | undefined): Responder {
  return (request): FakeReply => {
    const token = request.url === c.url() ? undefined : ["t2", "t3"].find((t) => request.url === c.url(t));
    if (request.url !== c.url() && token === undefined) return { status: 404, json: { error: true, code: 400404, message: `unexpected ${request.url}` } };
    if (token === undefined) return { json: c.page(["x1", "x2"], "t2") };
    if (token === "t2") return { json: c.page(["x3", "x4"], "t3") };
    return { json: c.page(["x5"], last) };
  };
}

describe("pagination", () => {
  test.each(named(listings, (c) => `${c.listing} .all() walks every page with the same filters`))("%s", async (_name, c) => {
    const { client, sent } = clientFor(threePages(c, null));
    expect(await c.ids(client)).toEqual(["x1", "x2", "x3", "x4", "x5"]);
    expect(sent.map((r) => r.url)).toEqual([c.url(), c.url("t2"), c.url("t3")]);
  });

  const falsyNexts = [
    { next: "", as: "an empty string" },
    { next: null, as: "null" },
    { next: undefined, as: "no next field" },
  ];
  const endings = listings.flatMap((c) => falsyNexts.map((f) => ({ ...f, c })));
  test.each(named(endings, ({ c, as }) => `${c.listing} ends at ${as}`))("%s", async (_name, { c, next }) => {
    const { client, sent } = clientFor(() => ({ json: c.page(["x1"], next) }));
    expect(await c.ids(client)).toEqual(["x1"]);
    expect(sent).toHaveLength(1);
  });

  test("a page reports a falsy next as null", async () => {
    const { client } = clientFor(() => ({ json: { users: [], next: "" } }));
    await expect(client.users.list()).resolves.toEqual({ items: [], next: null, prev: null });
  });

  test("a call list ends when has_next is false, whatever next says", async () => {
    const { client, sent } = clientFor(() => ({ json: { calls: [wire.call()], next: "stale", has_next: false } }));
    expect((await collect(client.directCalls.list.all())).map((c) => c.callId)).toEqual(["call-1"]);
    expect(sent).toHaveLength(1);
    await expect(client.directCalls.list()).resolves.toMatchObject({ next: null });
  });
});

describe("answers that break the contract", () => {
  const broken = [
    {
      what: "a live event with a numeric id",
      call: (c: SendbirdClient) => c.liveEvents.retrieve("le-1"),
      reply: { json: { live_event: { live_event_id: 42 } } },
    },
    { what: "a user list without users", call: (c: SendbirdClient) => c.users.list(), reply: { json: { users: "none" } } },
    { what: "a call list without has_next", call: (c: SendbirdClient) => c.directCalls.list(), reply: { json: { calls: [] } } },
    { what: "a body that is not JSON", call: (c: SendbirdClient) => c.users.retrieve("u-1"), reply: { text: "<html>oops</html>" } },
    { what: "an empty body where a user is due", call: (c: SendbirdClient) => c.users.retrieve("u-1"), reply: { text: "" } },
  ];
  test.each(named(broken, (c) => `${c.what} throws SendbirdResponseError and is not retried`))("%s", async (_name, { call, reply }) => {
    const { client, sent } = clientFor(() => reply);
    const err = await failure(call(client));
    expect(err).toBeInstanceOf(SendbirdResponseError);
    expect(err).toMatchObject({ status: 200, code: null, message: expect.stringMatching(/^Unexpected response shape/) });
    expect(sent).toHaveLength(1);
  });
});

interface ErrorCase {
  meaning: string;
  host: SendbirdHost;
  status: number;
  json?: Record<string, unknown>;
  text?: string;
  headers?: Record<string, string>;
  error: typeof SendbirdError;
  code: number | null;
  message: string;
  retryAfterSeconds?: number;
}

const errorCases: ErrorCase[] = [
  {
    meaning: "not found",
    host: "calls",
    status: 400,
    json: { error: true, code: 400200, type: "NOT_FOUND", message: "No such event." },
    error: SendbirdNotFoundError,
    code: 400200,
    message: "No such event.",
  },
  {
    meaning: "not found",
    host: "chat",
    status: 400,
    json: { error: true, code: 400201, message: '"User" not found.' },
    error: SendbirdNotFoundError,
    code: 400201,
    message: '"User" not found.',
  },
  {
    meaning: "already exists",
    host: "calls",
    status: 400,
    json: { error: true, code: 400201, type: "UNIQUE_CONSTRAINT", message: "Exists." },
    error: SendbirdConflictError,
    code: 400201,
    message: "Exists.",
  },
  {
    meaning: "already exists",
    host: "chat",
    status: 400,
    json: { error: true, code: 400202, message: "Exists." },
    error: SendbirdConflictError,
    code: 400202,
    message: "Exists.",
  },
  {
    meaning: "an unknown room",
    host: "calls",
    status: 400,
    json: { error: true, code: 1400126, type: "INVALID_ROOM", message: "No room." },
    error: SendbirdNotFoundError,
    code: 1400126,
    message: "No room.",
  },
  {
    meaning: "a wrong state",
    host: "calls",
    status: 401,
    json: { error: true, code: 401120, type: "NOT_ALLOWED", message: "Cannot start." },
    error: SendbirdStateError,
    code: 401120,
    message: "Cannot start.",
  },
  {
    meaning: "a bad token",
    host: "calls",
    status: 401,
    json: { error: true, code: 401121, type: "NOT_AUTHORIZED", message: "Bad token." },
    error: SendbirdAuthError,
    code: 401121,
    message: "Bad token.",
  },
  {
    meaning: "a bad token",
    host: "chat",
    status: 400,
    json: { error: true, code: 400401, message: "Invalid API Token." },
    error: SendbirdAuthError,
    code: 400401,
    message: "Invalid API Token.",
  },
  {
    meaning: "a forbidden request",
    host: "chat",
    status: 400,
    json: { error: true, code: 400108, message: "Not allowed." },
    error: SendbirdPermissionError,
    code: 400108,
    message: "Not allowed.",
  },
  {
    meaning: "invalid params",
    host: "calls",
    status: 400,
    json: { error: true, code: 400100, type: "INVALID_PARAMS", message: "Bad." },
    error: SendbirdValidationError,
    code: 400100,
    message: "Bad.",
  },
  {
    meaning: "invalid value",
    host: "chat",
    status: 400,
    json: { error: true, code: 400111, message: "Bad." },
    error: SendbirdValidationError,
    code: 400111,
    message: "Bad.",
  },
  {
    meaning: "a rate limit without a retry header",
    host: "calls",
    status: 429,
    json: { message: "Too many requests", code: 429100, type: "RATE_LIMIT_EXCEEDED" },
    error: SendbirdRateLimitError,
    code: 429100,
    message: "Too many requests",
  },
  {
    meaning: "a rate limit with X-RateLimit-RetryAfter",
    host: "chat",
    status: 429,
    json: { error: true, code: 500910, message: "Too many requests (scope: app)" },
    headers: { "X-RateLimit-RetryAfter": "0.0698" },
    error: SendbirdRateLimitError,
    code: 500910,
    message: "Too many requests (scope: app)",
    retryAfterSeconds: 0.0698,
  },
  {
    meaning: "a rate limit with X-RateLimit-RetryAfter",
    host: "calls",
    status: 429,
    json: { message: "Too many requests", code: 429100, type: "RATE_LIMIT_EXCEEDED" },
    headers: { "X-RateLimit-RetryAfter": "2" },
    error: SendbirdRateLimitError,
    code: 429100,
    message: "Too many requests",
    retryAfterSeconds: 2,
  },
  {
    meaning: "a server failure",
    host: "calls",
    status: 500,
    json: { error: true, code: 500999, type: "UNKNOWN_ERROR", message: "Boom." },
    error: SendbirdServerError,
    code: 500999,
    message: "Boom.",
  },
  { meaning: "an HTML gateway error", host: "chat", status: 503, text: "<html>503</html>", error: SendbirdServerError, code: null, message: "HTTP 503" },
];

describe("error answers", () => {
  test.each(named(errorCases, (c) => `${c.host} ${c.status} ${c.code ?? "(no code)"} (${c.meaning}) becomes ${c.error.name}`))("%s", async (_name, c) => {
    const { client, sent } = clientFor(() => ({ status: c.status, json: c.json, text: c.text, headers: c.headers }), { maxRetries: 0 });
    const err = await failure(c.host === "calls" ? client.liveEvents.retrieve(ODD) : client.users.retrieve(ODD));
    expect(err).toBeInstanceOf(c.error);
    expect(err.name).toBe(c.error.name);
    expect(err).toMatchObject({
      host: c.host,
      status: c.status,
      code: c.code,
      message: c.message,
      method: "GET",
      path: c.host === "calls" ? `/live-events/${ENC}` : `/users/${ENC}`,
      retryAfterSeconds: c.retryAfterSeconds,
    });
    expect(sent).toHaveLength(1);
  });

  test("the calls host's type travels with the error", async () => {
    const { client } = clientFor(() => ({ status: 401, json: { error: true, code: 401120, type: "NOT_ALLOWED", message: "No." } }));
    expect(await failure(client.liveEvents.start("le-1"))).toMatchObject({ type: "NOT_ALLOWED" });
  });
});
