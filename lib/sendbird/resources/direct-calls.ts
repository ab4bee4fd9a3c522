import "server-only";
import { z } from "zod";
import { sanitizeRaw, toDirectCallDto } from "../dto";
import type { DirectCallDto } from "../dto";
import { listing } from "../pages";
import type { Listing } from "../pages";
import { callCustomItemsUpdateSchema, directCallEnvelopeSchema, directCallListSchema, directCallSchema } from "../schemas";
import { route } from "../transport";
import type { Route, Transport } from "../transport";

export interface ListCallsParams {
  endResults?: string[] | undefined;
  /** With `scope`: calls started at or before (`prev`, default) or at or after (`next`) this ms time. */
  callTs?: number | undefined;
  scope?: "prev" | "next" | undefined;
  durationMinMs?: number | undefined;
  durationMaxMs?: number | undefined;
  limit?: number | undefined;
  next?: string | undefined;
}

export interface UserCallsParams {
  userId: string;
  role?: "dc_caller" | "dc_callee" | undefined;
  endResults?: string[] | undefined;
  /** Unix ms; sent as the seconds the endpoint documents. */
  startedAfter?: number | undefined;
  endedBefore?: number | undefined;
  limit?: number | undefined;
  next?: string | undefined;
}

/** `GET /direct_calls/{id}` most likely wraps the call in `{ call }`; a bare call is read too. */
const oneCallSchema = z.union([directCallEnvelopeSchema, directCallSchema.transform((call) => ({ call }))]);

const seconds = (ms: number | undefined) => (ms === undefined ? undefined : Math.floor(ms / 1000));

/** PUT/DELETE of a direct call's custom items (a room's are the Calls SDK's to change). */
function customItemsOf(t: Transport, routeOf: (id: string) => Route) {
  const send = (method: "PUT" | "DELETE", targetId: string, body: unknown) =>
    t.request({ host: "calls", method, route: routeOf(targetId), body, schema: callCustomItemsUpdateSchema }).then((r) => r.custom_items);
  return {
    update: (targetId: string, items: Record<string, string>) => send("PUT", targetId, { custom_items: items, mode: "upsert" }),
    /** Deletes the given keys, or every item when none are given. */
    delete: (targetId: string, keys?: string[]) => send("DELETE", targetId, keys ? { keys } : {}),
  };
}

export function directCallsResource(t: Transport) {
  const list: Listing<ListCallsParams, DirectCallDto> = listing(async (p: ListCallsParams) => {
    const res = await t.request({
      host: "calls",
      method: "GET",
      route: route("/direct_calls"),
      schema: directCallListSchema,
      query: {
        end_result: p.endResults,
        call_ts: p.callTs,
        search_scope_from_call_ts: p.callTs === undefined ? undefined : (p.scope ?? "prev"),
        duration_range_min: p.durationMinMs,
        duration_range_max: p.durationMaxMs,
        limit: p.limit,
        next: p.next,
      },
    });
    return { items: res.calls.map(toDirectCallDto), next: res.has_next ? res.next || null : null, prev: null };
  });

  const userCalls: Listing<UserCallsParams, DirectCallDto> = listing(async (p: UserCallsParams) => {
    const res = await t.request({
      host: "calls",
      method: "GET",
      route: route("/users/{id}/calls", { id: p.userId }),
      schema: directCallListSchema,
      query: {
        type: "direct",
        role: p.role,
        end_result: p.endResults,
        start_ts: seconds(p.startedAfter),
        end_ts: seconds(p.endedBefore),
        limit: p.limit,
        next: p.next,
      },
    });
    return { items: res.calls.map(toDirectCallDto), next: res.has_next ? res.next || null : null, prev: null };
  });

  const one = (callId: string) =>
    t.request({ host: "calls", method: "GET", route: route("/direct_calls/{id}", { id: callId }), schema: oneCallSchema }).then((r) => r.call);

  return {
    list,
    retrieve: (callId: string) => one(callId).then(toDirectCallDto),
    /** The call and Sendbird's object itself (the fields the console knows, every credential removed), for "raw JSON" views. */
    retrieveWithRaw: (callId: string) => one(callId).then((call) => ({ call: toDirectCallDto(call), raw: sanitizeRaw(call) })),
    userCalls,
    customItems: customItemsOf(t, (callId) => route("/direct_calls/{id}/custom_items", { id: callId })),
  };
}
