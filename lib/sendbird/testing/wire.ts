import { apiTokenSchema, directCallSchema, hostSchema, liveEventSchema, participantSchema, roomParticipantSchema, roomSchema, userSchema } from "../schemas";
import type { ApiToken, DirectCall, Host, LiveEvent, Participant, Room, RoomParticipant, User } from "../schemas";

/**
 * Raw Sendbird objects as the wire carries them, for tests that fake `fetch`. Each is parsed with the
 * client's own schema, so a fixture that drifts from the schemas fails where it is built.
 */
export const wire = {
  user: (overrides: Partial<User> = {}): User =>
    userSchema.parse({
      user_id: "u-1",
      nickname: "Una",
      profile_url: "https://cdn.example/u-1.png",
      is_active: true,
      is_online: false,
      last_seen_at: 0,
      created_at: 1_700_000_000,
      metadata: {},
      ...overrides,
    }),

  embeddedUser: (userId = "u-1", role: string | null = null) => ({ user_id: userId, nickname: `Nick ${userId}`, profile_url: "", role }),

  host: (overrides: Partial<Host> = {}): Host =>
    hostSchema.parse({
      host_id: "h-1",
      live_event_id: "le-1",
      client_id: "c-1",
      state: "connected",
      stream_type: "webrtc",
      entered_at: 1_700_000_001_000,
      connected_at: 1_700_000_002_000,
      disconnected_at: null,
      exited_at: null,
      duration: 0,
      is_audio_on: true,
      is_video_on: true,
      user: wire.embeddedUser("u-1"),
      ...overrides,
    }),

  liveEvent: (overrides: Partial<LiveEvent> = {}): LiveEvent =>
    liveEventSchema.parse({
      live_event_id: "le-1",
      host_type: "single_host",
      live_event_type: "live_event_for_video",
      state: "created",
      created_at: 1_700_000_000_000,
      set_ready_at: null,
      started_at: null,
      ended_at: null,
      is_host_streaming: false,
      host: null,
      hosts: [],
      created_by: "",
      set_ready_by: "",
      started_by: "",
      ended_by: "",
      duration: 0,
      participant_count: 0,
      peak_participant_count: 0,
      cumulative_participant_count: 0,
      user_ids_for_host: ["u-1"],
      title: "Launch",
      cover_url: "",
      custom_items: {},
      cloud_recordings: [],
      ...overrides,
    }),

  participant: (overrides: Partial<Participant> = {}): Participant =>
    participantSchema.parse({
      participant_id: "p-1",
      live_event_id: "le-1",
      client_id: "c-9",
      state: "entered",
      entered_at: 1_700_000_003_000,
      exited_at: null,
      duration: 0,
      user: wire.embeddedUser("u-2"),
      ...overrides,
    }),

  call: (overrides: Partial<DirectCall> = {}): DirectCall =>
    directCallSchema.parse({
      call_id: "call-1",
      call_type: "direct_call",
      is_video_call: true,
      state: "ended",
      end_result: "completed",
      participants: [wire.embeddedUser("u-1", "dc_caller"), wire.embeddedUser("u-2", "dc_callee")],
      started_by: "u-1",
      started_at: 1_700_000_000_000,
      ended_by: "u-1",
      ended_at: 1_700_000_068_000,
      duration: 60_000,
      custom_items: {},
      cloud_recordings: [],
      ...overrides,
    }),

  roomParticipant: (overrides: Partial<RoomParticipant> = {}): RoomParticipant =>
    roomParticipantSchema.parse({
      room_id: "room-1",
      participant_id: "rp-1",
      client_id: "c-7",
      state: "connected",
      entered_at: 1_700_000_000_000,
      updated_at: 1_700_000_000_000,
      exited_at: null,
      duration: null,
      is_audio_on: true,
      is_video_on: false,
      user: wire.embeddedUser("u-3"),
      ...overrides,
    }),

  room: (overrides: Partial<Room> = {}): Room =>
    roomSchema.parse({
      room_id: "room-1",
      room_type: "small_room_for_video",
      state: "open",
      created_at: 1_700_000_000_000,
      updated_at: 1_700_000_000_000,
      deleted_at: null,
      created_by: "",
      deleted_by: "",
      current_participants: [],
      custom_items: {},
      ...overrides,
    }),

  apiToken: (overrides: Partial<ApiToken> = {}): ApiToken => apiTokenSchema.parse({ token: "tok-secondary-1", created_at: 1_596_607_063, ...overrides }),
};
