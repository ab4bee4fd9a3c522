import { liveEventTypes } from "@/lib/sendbird/schemas";
import { RawJson } from "../router";
import type { Route, RouteContext } from "../router";
import { customItemLimits } from "../store/custom-items";
import { createLiveEvent, endLiveEvent, getLiveEvent, listLiveEvents, listParticipants, setReady, startLiveEvent, updateLiveEvent } from "../store/live-events";
import type { LiveEventRecord } from "../store/records";
import { activeHosts, hostJson, liveEventBytes, liveEventText, participantJson } from "../store/serialize";
import type { Store } from "../store/store";
import { BodyReader, invalid } from "../validate";

const hostTypes = ["single_host", "multiple_host", "single_host_audio_only"] as const;

/** Multipart bodies (what the Live SDK sends) carry lists as comma-separated, URL-encoded text. */
async function liveEventBody(ctx: RouteContext): Promise<BodyReader> {
  const body = await ctx.object();
  if (!ctx.isMultipart) return new BodyReader(body);
  const out: Record<string, unknown> = { ...body };
  if (typeof body.user_ids_for_host === "string") {
    out.user_ids_for_host = body.user_ids_for_host
      .split(",")
      .filter((s) => s !== "")
      .map((s) => safeDecode(s));
  }
  const customItems = body.customItems ?? body.custom_items;
  if (typeof customItems === "string") {
    try {
      out.custom_items = JSON.parse(customItems);
    } catch {
      throw invalid('"customItems" must be a JSON object.');
    }
  }
  if (body.cover_file !== undefined && body.cover_url === undefined) out.cover_url = "https://emulator.invalid/covers/uploaded.png";
  delete out.cover_file;
  return new BodyReader(out);
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw invalid(`"${value.slice(0, 80)}" is not valid URL encoding.`);
  }
}

const hostIds = { min: 1, max: 10, itemMax: 80 };
const comma = Buffer.from(",");
const pageCaches = new WeakMap<Store, Map<string, { rev: string; body: Buffer }>>();

/**
 * Whole first pages, reused until any live event or user changes (the list's first page is the hottest
 * read). Pages behind a token are not kept: a walk reads each once, and keeping them only makes garbage.
 */
function pageCache(ctx: RouteContext): { hit: Buffer | null; store(body: Buffer): Buffer } {
  if (ctx.query.string("next") !== undefined || ctx.query.string("prev") !== undefined) return { hit: null, store: (body) => body };
  let cache = pageCaches.get(ctx.store);
  if (!cache) {
    cache = new Map();
    pageCaches.set(ctx.store, cache);
  }
  const key = ctx.search;
  const rev = `${ctx.store.liveEventsRevision}:${ctx.store.userRevision}`;
  const entry = cache.get(key);
  const map = cache;
  return {
    hit: entry && entry.rev === rev ? entry.body : null,
    store(body) {
      if (map.size >= 64) map.clear();
      map.set(key, { rev, body });
      return body;
    },
  };
}

function wrap(ctx: RouteContext, event: LiveEventRecord): RawJson {
  return new RawJson(`{"live_event":${liveEventText(ctx.store, event)}}`);
}

export const liveEventRoutes: Route[] = [
  {
    host: "calls",
    method: "POST",
    template: "/v1/live-events",
    async handler(ctx) {
      const body = await liveEventBody(ctx);
      const type = body.string("type");
      if (type !== undefined && !liveEventTypes.some((t) => t === type)) {
        throw invalid(`"type" must be one of: ${liveEventTypes.join(", ")}.`);
      }
      const hostType = body.string("host_type") ?? "single_host";
      if (!hostTypes.some((t) => t === hostType)) throw invalid(`"host_type" must be one of: ${hostTypes.join(", ")}.`);
      const userIds = body.stringList("user_ids_for_host", { required: true, ...hostIds });
      const event = createLiveEvent(ctx.store, {
        host_type: hostType,
        live_event_type: type === "live_event_for_audio_only" || hostType === "single_host_audio_only" ? "live_event_for_audio_only" : "live_event_for_video",
        user_ids_for_host: [...new Set(userIds)],
        title: body.string("title", { max: 191 }),
        cover_url: body.string("cover_url", { max: 2048 }),
        custom_items: body.stringMap("custom_items", customItemLimits),
      });
      return wrap(ctx, event);
    },
  },
  {
    host: "calls",
    method: "GET",
    template: "/v1/live-events",
    handler(ctx) {
      const cached = pageCache(ctx);
      if (cached.hit) return new RawJson(cached.hit);
      const q = ctx.query;
      const page = listLiveEvents(
        ctx.store,
        {
          states: q.list("state", { allowed: ["created", "ready", "ongoing", "ended"] }),
          // "Any of the specified values" (the list page); the Live SDK 1.1 sent `host_types`.
          hostTypes: q.list("host_type", { allowed: hostTypes }) ?? q.list("host_types", { allowed: hostTypes }),
          types: q.list("types", { allowed: liveEventTypes }) ?? q.list("type", { allowed: liveEventTypes }),
          createdFrom: q.integer("created_at_start_date", { min: 0 }),
          createdTo: q.integer("created_at_end_date", { min: 0 }),
          startedFrom: q.integer("started_at_start_date", { min: 0 }),
          startedTo: q.integer("started_at_end_date", { min: 0 }),
          participantsMin: q.integer("participant_count_range_gte", { min: 0 }) ?? q.integer("participant_count_gte", { min: 0 }),
          participantsMax: q.integer("participant_count_range_lte", { min: 0 }) ?? q.integer("participant_count_lte", { min: 0 }),
          durationMin: q.integer("duration_range_gte", { min: 0 }),
          durationMax: q.integer("duration_range_lte", { min: 0 }),
          ids: q.list("live_event_ids", { max: 100 }),
          createdBy: q.list("created_by_user_ids", { max: 100 }),
        },
        { limit: q.limit(), next: q.string("next"), prev: q.string("prev") },
      );
      const parts: Buffer[] = [Buffer.from('{"live_events":[')];
      page.items.forEach((e, i) => {
        if (i > 0) parts.push(comma);
        parts.push(liveEventBytes(ctx.store, e));
      });
      parts.push(Buffer.from(`],"prev":${JSON.stringify(page.prev)},"next":${JSON.stringify(page.next)}}`));
      return new RawJson(cached.store(Buffer.concat(parts)));
    },
  },
  {
    host: "calls",
    method: "GET",
    template: "/v1/live-events/{live_event_id}",
    handler: (ctx) => wrap(ctx, getLiveEvent(ctx.store, ctx.params.live_event_id ?? "")),
  },
  {
    host: "calls",
    method: "PUT",
    template: "/v1/live-events/{live_event_id}",
    async handler(ctx) {
      const body = await liveEventBody(ctx);
      for (const fixed of ["type", "host_type", "live_event_type"]) {
        if (body.has(fixed)) throw invalid(`"${fixed}" cannot be changed after creation.`);
      }
      const userIds = body.stringList("user_ids_for_host", hostIds);
      const event = updateLiveEvent(ctx.store, ctx.params.live_event_id ?? "", {
        title: body.string("title", { max: 191 }),
        cover_url: body.string("cover_url", { max: 2048 }),
        user_ids_for_host: userIds ? [...new Set(userIds)] : undefined,
      });
      return wrap(ctx, event);
    },
  },
  {
    host: "calls",
    method: "DELETE",
    template: "/v1/live-events/{live_event_id}",
    handler: (ctx) => wrap(ctx, endLiveEvent(ctx.store, ctx.params.live_event_id ?? "")),
  },
  {
    host: "calls",
    method: "POST",
    template: "/v1/live-events/{live_event_id}/ready",
    handler: (ctx) => wrap(ctx, setReady(ctx.store, ctx.params.live_event_id ?? "")),
  },
  {
    host: "calls",
    method: "POST",
    template: "/v1/live-events/{live_event_id}/start",
    handler: (ctx) => wrap(ctx, startLiveEvent(ctx.store, ctx.params.live_event_id ?? "")),
  },
  {
    host: "calls",
    method: "GET",
    template: "/v1/live-events/{live_event_id}/hosts",
    handler(ctx) {
      const event = getLiveEvent(ctx.store, ctx.params.live_event_id ?? "");
      // "Retrieve a host" answers `{ host }`: the host in the event now, so none once every host has left
      // (and none after the end, when everyone is forced out).
      const active = activeHosts(event)[0];
      return { host: active ? hostJson(ctx.store, event.live_event_id, active) : null };
    },
  },
  {
    host: "calls",
    method: "GET",
    template: "/v1/live-events/{live_event_id}/participants",
    handler(ctx) {
      const id = ctx.params.live_event_id ?? "";
      const page = listParticipants(ctx.store, id, { limit: ctx.query.limit(), next: ctx.query.string("next"), prev: ctx.query.string("prev") });
      return { participants: page.items.map((p) => participantJson(ctx.store, id, p)), prev: page.prev, next: page.next };
    },
  },
];
