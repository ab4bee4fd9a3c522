import { z } from "zod";
import type { Route, RouteContext } from "../router";
import { answerTimeoutMs } from "../store/direct-calls";
import { crashAudience, dropHosts, failCalls, failingEndResults, recoverEvent } from "../store/incidents";
import { hostJson } from "../store/serialize";
import { control, parse } from "./control-route";

// Incidents for the console's alerting to catch: set off on demand, held against the simulator until recovered.

const hostDropSchema = z.object({ hold: z.boolean().default(true) }).strict();
const recoverSchema = z.object({}).strict();
const audienceCrashSchema = z.object({ fraction: z.number().gt(0).max(1).default(0.8) }).strict();
const failuresSchema = z
  .object({
    count: z.number().int().min(1).max(1000).default(20),
    end_result: z.enum(failingEndResults).default("connection_lost"),
    within_ms: z
      .number()
      .int()
      .min(answerTimeoutMs, `at least ${answerTimeoutMs} ms, the time a timed-out call rings`)
      .max(30 * 24 * 3600 * 1000)
      .default(600_000),
  })
  .strict();

const eventId = (ctx: RouteContext) => ctx.params.live_event_id ?? "";
const hostsJson = (ctx: RouteContext, hosts: ReturnType<typeof dropHosts>) => ({ hosts: hosts.map((h) => hostJson(ctx.store, eventId(ctx), h)) });

export const incidentRoutes: Route[] = [
  // POST /__emulator/live-events/{id}/incidents/host-drop — every connected host drops off; held by default.
  control("POST", "/live-events/{live_event_id}/incidents/host-drop", async (ctx) => {
    const { hold } = await parse(ctx, hostDropSchema);
    return hostsJson(ctx, dropHosts(ctx.store, eventId(ctx), hold));
  }),
  // POST /__emulator/live-events/{id}/incidents/recover — lifts the event's holds and reconnects its disconnected hosts.
  control("POST", "/live-events/{live_event_id}/incidents/recover", async (ctx) => {
    await parse(ctx, recoverSchema);
    return hostsJson(ctx, recoverEvent(ctx.store, eventId(ctx)));
  }),
  // POST /__emulator/live-events/{id}/incidents/audience-crash — a share of the audience leaves and nobody new joins.
  control("POST", "/live-events/{live_event_id}/incidents/audience-crash", async (ctx) => {
    const { fraction } = await parse(ctx, audienceCrashSchema);
    return crashAudience(ctx.store, eventId(ctx), fraction);
  }),
  // POST /__emulator/direct-calls/incidents/failures — a burst of failed direct calls in the recent past.
  control("POST", "/direct-calls/incidents/failures", async (ctx) => ({ calls: failCalls(ctx.store, await parse(ctx, failuresSchema)) })),
];
