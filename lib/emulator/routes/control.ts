import { z } from "zod";
import { endResults } from "@/lib/sendbird/schemas";
import { EmulatorError } from "../errors";
import { faultInputSchema } from "../faults";
import type { FaultRegistry } from "../faults";
import type { Journal } from "../journal";
import type { RateLimiter } from "../rate-limit";
import type { Route, RouteContext } from "../router";
import { seedSizes, seedWorld } from "../seed/seed";
import type { Simulator } from "../simulator";
import { generateApiToken } from "../store/api-tokens";
import { deleteCustomItems, putCustomItems } from "../store/custom-items";
import { createCall } from "../store/direct-calls";
import { getLiveEvent } from "../store/live-events";
import { hostEnter, moveHost, participantsJoin, participantsLeave } from "../store/live-sdk";
import { addRecording, holderOf, setRecordingStatus } from "../store/recordings";
import type { RecordingHolder } from "../store/recordings";
import { recordingRecordSchema } from "../store/records";
import { deleteRoom, getOpenRoom, roomJoin, roomLeave } from "../store/rooms";
import { callJson, hostJson, participantJson, roomJson, roomParticipantJson } from "../store/serialize";
import { control, parse } from "./control-route";
import { customItemsPut, deleteKeys } from "./custom-items";
import { incidentRoutes } from "./incidents";
import type { Clock } from "../clock";

/** What the control plane can reach besides the store. */
export interface ControlRuntime {
  clock: Clock;
  faults: FaultRegistry;
  journal: Journal;
  rateLimiter: RateLimiter;
  simulator: Simulator;
  info(): Record<string, unknown>;
}

const id = z.string().min(1).max(200);
const seedSchema = z
  .object({
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .default(42),
    size: z.enum(["empty", "small", "demo", "large"]).default("demo"),
    users: z.number().int().min(0).max(50_000).optional(),
    live_events: z.number().int().min(0).max(20_000).optional(),
    calls: z.number().int().min(0).max(200_000).optional(),
    rooms: z.number().int().min(0).max(1000).optional(),
    api_tokens: z.number().int().min(0).max(10).optional(),
  })
  .strict();
const crowdSchema = z
  .object({ count: z.number().int().min(1).max(10_000).optional(), user_ids: z.array(id).min(1).max(10_000).optional() })
  .strict()
  .refine((b) => (b.count === undefined) !== (b.user_ids === undefined), { message: 'Send "count" or "user_ids".' });
const roomCrowdSchema = z.object({ user_ids: z.array(id).min(1).max(100) }).strict();
const hostSchema = z
  .object({
    user_id: id,
    stream_type: z.enum(["webrtc", "rtmp"]).optional(),
    is_audio_on: z.boolean().optional(),
    is_video_on: z.boolean().optional(),
  })
  .strict();
const callSchema = z
  .object({
    caller_id: id,
    callee_id: id,
    end_result: z.enum(endResults),
    is_video_call: z.boolean().optional(),
    duration: z
      .number()
      .int()
      .min(0)
      .max(24 * 3600 * 1000)
      .optional(),
    started_at: z.number().int().min(0).optional(),
    // The limits of the custom-items endpoints: at most 10 items, keys without commas.
    custom_items: z
      .record(
        z
          .string()
          .min(1)
          .max(128)
          .regex(/^[^,]*$/, "custom item keys must not contain commas"),
        z.string().max(128),
      )
      .refine((items) => Object.keys(items).length <= 10, { message: "at most 10 custom items" })
      .optional(),
  })
  .strict();
const settingsSchema = z.object({ rate_limits: z.boolean().optional(), simulator: z.boolean().optional() }).strict();

export function controlRoutes(rt: ControlRuntime): Route[] {
  const eventId = (ctx: RouteContext) => ctx.params.live_event_id ?? "";
  const onAir = (ctx: RouteContext) => {
    const event = getLiveEvent(ctx.store, eventId(ctx));
    if (event.state !== "ongoing") throw new EmulatorError("not_allowed", `Custom items change only while the event is on air; it is "${event.state}".`);
    return event;
  };
  return [
    control("GET", "", () => rt.info()),
    control("POST", "/reset", (ctx) => {
      ctx.store.reset();
      rt.journal.clear();
      rt.faults.clear();
      rt.rateLimiter.reset();
      return rt.info();
    }),
    control("POST", "/seed", async (ctx) => {
      const body = await parse(ctx, seedSchema);
      const base = seedSizes[body.size];
      ctx.store.reset();
      seedWorld(ctx.store, body.seed, {
        users: body.users ?? base.users,
        liveEvents: body.live_events ?? base.liveEvents,
        calls: body.calls ?? base.calls,
        rooms: body.rooms ?? base.rooms,
        apiTokens: body.api_tokens ?? base.apiTokens,
      });
      return rt.info();
    }),
    control("GET", "/clock", () => ({ now: rt.clock.now(), frozen: rt.clock.frozen })),
    control("POST", "/clock/advance", async (ctx) => {
      const body = await parse(
        ctx,
        z
          .object({
            ms: z
              .number()
              .int()
              .min(0)
              .max(365 * 24 * 3600 * 1000),
          })
          .strict(),
      );
      rt.clock.advance(body.ms);
      return { now: rt.clock.now(), frozen: rt.clock.frozen };
    }),
    control("GET", "/faults", () => ({ faults: rt.faults.list() })),
    control("POST", "/faults", async (ctx) => ({ fault: rt.faults.add(await parse(ctx, faultInputSchema)) })),
    control("DELETE", "/faults", () => {
      rt.faults.clear();
      return { faults: [] };
    }),
    control("DELETE", "/faults/{fault_id}", (ctx) => {
      if (!rt.faults.remove(ctx.params.fault_id ?? "")) throw new EmulatorError("not_found", "No such fault.");
      return { faults: rt.faults.list() };
    }),
    control("PUT", "/settings", async (ctx) => {
      const body = await parse(ctx, settingsSchema);
      if (body.rate_limits !== undefined) rt.rateLimiter.enabled = body.rate_limits;
      if (body.simulator === true) rt.simulator.start();
      if (body.simulator === false) rt.simulator.stop();
      return rt.info();
    }),
    control("POST", "/simulator/tick", () => {
      rt.simulator.tick();
      return rt.info();
    }),
    control("POST", "/live-events/{live_event_id}/hosts", async (ctx) => {
      const host = hostEnter(ctx.store, eventId(ctx), await parse(ctx, hostSchema));
      return { host: hostJson(ctx.store, eventId(ctx), host) };
    }),
    ...(["connect", "disconnect", "exit"] as const).map((move) =>
      control("POST", `/live-events/{live_event_id}/hosts/{host_id}/${move}`, (ctx) => {
        const host = moveHost(ctx.store, eventId(ctx), ctx.params.host_id ?? "", move);
        return { host: hostJson(ctx.store, eventId(ctx), host) };
      }),
    ),
    control("POST", "/live-events/{live_event_id}/participants/join", async (ctx) => {
      const joined = participantsJoin(ctx.store, eventId(ctx), await parse(ctx, crowdSchema));
      return { participants: joined.map((p) => participantJson(ctx.store, eventId(ctx), p)) };
    }),
    control("POST", "/live-events/{live_event_id}/participants/leave", async (ctx) => {
      const left = participantsLeave(ctx.store, eventId(ctx), await parse(ctx, crowdSchema));
      return { participants: left.map((p) => participantJson(ctx.store, eventId(ctx), p)) };
    }),
    // Recordings are made by Sendbird's media servers: live events, direct calls and rooms alike.
    ...(
      [
        ["live", "/live-events/{live_event_id}/recordings", "live_event_id"],
        ["call", "/direct-calls/{call_id}/recordings", "call_id"],
        ["room", "/rooms/{room_id}/recordings", "room_id"],
      ] as const
    ).map(([kind, template, param]) =>
      control("POST", template, async (ctx) => {
        const body = await parse(ctx, z.object({ status: recordingRecordSchema.shape.status.default("completed") }).strict());
        const holder: RecordingHolder = holderOf(ctx.store, kind, ctx.params[param] ?? "");
        return { recording: { ...addRecording(ctx.store, holder, body.status), [param]: ctx.params[param] } };
      }),
    ),
    control("PUT", "/recordings/{recording_id}", async (ctx) => {
      const body = await parse(ctx, z.object({ status: recordingRecordSchema.shape.status }).strict());
      return { recording: setRecordingStatus(ctx.store, ctx.params.recording_id ?? "", body.status) };
    }),
    // What only the Live SDK does: hosts change custom items, and only while the event is on air.
    control("PUT", "/live-events/{live_event_id}/custom-items", async (ctx) => {
      const { items, mode } = customItemsPut(await ctx.object());
      const event = onAir(ctx);
      const updated = putCustomItems(event, items, mode);
      ctx.store.touch(event.live_event_id);
      return { custom_items: event.custom_items, updated_keys: updated, updated_at: ctx.store.now() };
    }),
    control("DELETE", "/live-events/{live_event_id}/custom-items", async (ctx) => {
      const keys = deleteKeys(await ctx.body());
      const event = onAir(ctx);
      const deleted = deleteCustomItems(event, keys);
      ctx.store.touch(event.live_event_id);
      return { custom_items: event.custom_items, deleted_keys: deleted, deleted_at: ctx.store.now() };
    }),
    // What only the Calls SDK does: delete a room, change its custom items while it is open.
    control("DELETE", "/rooms/{room_id}", (ctx) => ({ room: roomJson(ctx.store, deleteRoom(ctx.store, ctx.params.room_id ?? "")) })),
    control("PUT", "/rooms/{room_id}/custom-items", async (ctx) => {
      const { items, mode } = customItemsPut(await ctx.object());
      const room = getOpenRoom(ctx.store, ctx.params.room_id ?? "");
      const updated = putCustomItems(room, items, mode);
      room.updated_at = ctx.store.now();
      return { room_id: room.room_id, custom_items: room.custom_items, updated, affected_at: room.updated_at };
    }),
    control("DELETE", "/rooms/{room_id}/custom-items", async (ctx) => {
      const keys = deleteKeys(await ctx.body());
      const room = getOpenRoom(ctx.store, ctx.params.room_id ?? "");
      const deleted = deleteCustomItems(room, keys);
      room.updated_at = ctx.store.now();
      return { room_id: room.room_id, custom_items: room.custom_items, deleted, affected_at: room.updated_at };
    }),
    control("POST", "/api-tokens", async (ctx) => {
      const body = await parse(ctx, z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,80}$/, "16 to 80 letters, digits, _ or -") }).strict());
      return generateApiToken(ctx.store, body.token);
    }),
    control("GET", "/api-tokens/issued", (ctx) => ({ tokens: [...new Set([...ctx.store.issuedTokens, ...ctx.store.apiTokens.keys()])] })),
    control("POST", "/direct-calls", async (ctx) => ({ call: callJson(ctx.store, createCall(ctx.store, await parse(ctx, callSchema))) })),
    control("POST", "/rooms/{room_id}/participants/join", async (ctx) => {
      const room = ctx.params.room_id ?? "";
      const joined = roomJoin(ctx.store, room, (await parse(ctx, roomCrowdSchema)).user_ids);
      return { participants: joined.map((p) => roomParticipantJson(ctx.store, room, p)) };
    }),
    control("POST", "/rooms/{room_id}/participants/leave", async (ctx) => {
      const room = ctx.params.room_id ?? "";
      const left = roomLeave(ctx.store, room, (await parse(ctx, roomCrowdSchema)).user_ids);
      return { participants: left.map((p) => roomParticipantJson(ctx.store, room, p)) };
    }),
    control("GET", "/state", (ctx) => ctx.store.exportState()),
    control("PUT", "/state", async (ctx) => {
      const result = ctx.store.importState(await ctx.body());
      if (!result.ok) throw new EmulatorError("invalid", result.message);
      return rt.info();
    }),
    ...incidentRoutes,
    control("GET", "/journal", (ctx) => ({ requests: rt.journal.last(ctx.query.integer("limit", { min: 1, max: 500 }) ?? 50) })),
    control("DELETE", "/journal", () => {
      rt.journal.clear();
      return { requests: [] };
    }),
  ];
}
