import { endResults } from "@/lib/sendbird/schemas";
import type { Route, RouteContext } from "../router";
import { customItemLimits, deleteCustomItems, putCustomItems } from "../store/custom-items";
import { getCall, listCalls, listUserCalls } from "../store/direct-calls";
import { callJson } from "../store/serialize";
import { invalid } from "../validate";
import { customItemsPut, deleteKeys } from "./custom-items";

/** Keys to delete from the body, or from `?keys=a,b` (the Platform API's form is unconfirmed). */
async function keysToDelete(ctx: RouteContext): Promise<string[] | undefined> {
  return ctx.query.list("keys", { max: customItemLimits.maxItems }) ?? deleteKeys(await ctx.body());
}

export const directCallRoutes: Route[] = [
  {
    host: "calls",
    method: "GET",
    template: "/v1/direct_calls",
    handler(ctx) {
      const q = ctx.query;
      const page = listCalls(
        ctx.store,
        {
          endResults: q.list("end_result", { allowed: endResults }),
          callTs: q.integer("call_ts", { min: 0 }),
          scope: q.oneOf("search_scope_from_call_ts", ["prev", "next"]),
          durationMin: q.integer("duration_range_min", { min: 0 }),
          durationMax: q.integer("duration_range_max", { min: 0 }),
        },
        { limit: q.limit(), next: q.string("next") },
      );
      return { calls: page.items.map((c) => callJson(ctx.store, c)), next: page.next, has_next: page.hasNext };
    },
  },
  {
    host: "calls",
    method: "GET",
    template: "/v1/direct_calls/{call_id}",
    handler: (ctx) => ({ call: callJson(ctx.store, getCall(ctx.store, ctx.params.call_id ?? "")) }),
  },
  {
    host: "calls",
    method: "PUT",
    template: "/v1/direct_calls/{call_id}/custom_items",
    async handler(ctx) {
      const { items, mode } = customItemsPut(await ctx.object());
      const call = getCall(ctx.store, ctx.params.call_id ?? "");
      const updated = putCustomItems(call, items, mode);
      return { call_id: call.call_id, custom_items: call.custom_items, updated, affected_at: ctx.store.now() };
    },
  },
  {
    host: "calls",
    method: "DELETE",
    template: "/v1/direct_calls/{call_id}/custom_items",
    async handler(ctx) {
      const keys = await keysToDelete(ctx);
      const call = getCall(ctx.store, ctx.params.call_id ?? "");
      const deleted = deleteCustomItems(call, keys);
      return { call_id: call.call_id, custom_items: call.custom_items, deleted, affected_at: ctx.store.now() };
    },
  },
  {
    host: "calls",
    method: "GET",
    template: "/v1/users/{user_id}/calls",
    handler(ctx) {
      const q = ctx.query;
      const userId = ctx.params.user_id ?? "";
      if ([...userId].length > 80) throw invalid('"user_id" must be at most 80 characters.');
      q.oneOf("type", ["direct"]);
      const role = q.oneOf("role", ["dc_caller", "dc_callee"]);
      const page = listUserCalls(
        ctx.store,
        userId,
        {
          role,
          endResults: q.list("end_result", { allowed: endResults }),
          startTs: q.integer("start_ts", { min: 0 }),
          endTs: q.integer("end_ts", { min: 0 }),
        },
        { limit: q.limit(), next: q.string("next") },
      );
      return {
        calls: page.items.map((c) => callJson(ctx.store, c, c.caller_id === userId ? "dc_caller" : "dc_callee")),
        next: page.next,
        has_next: page.hasNext,
      };
    },
  },
];
