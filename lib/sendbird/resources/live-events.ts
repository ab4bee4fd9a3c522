import "server-only";
import { hostsOf, sanitizeRaw, toLiveEventDto, toParticipantDto } from "../dto";
import type { HostDto, LiveEventDto, ParticipantDto } from "../dto";
import { listing } from "../pages";
import type { Listing } from "../pages";
import { hostsResponseSchema, liveEventEnvelopeSchema, liveEventListSchema, participantListSchema } from "../schemas";
import { route } from "../transport";
import type { Route, Transport } from "../transport";

export interface CreateLiveEventInput {
  hostCandidates: string[];
  title?: string | undefined;
  coverUrl?: string | undefined;
  /** Audio-only events are created with `type: live_event_for_audio_only` next to `host_type`. */
  audioOnly?: boolean | undefined;
}

export interface UpdateLiveEventInput {
  title?: string | undefined;
  coverUrl?: string | undefined;
  hostCandidates?: string[] | undefined;
}

export interface ListLiveEventsParams {
  states?: string[] | undefined;
  types?: ("video" | "audio")[] | undefined;
  createdFrom?: number | undefined;
  createdTo?: number | undefined;
  startedFrom?: number | undefined;
  startedTo?: number | undefined;
  participantsMin?: number | undefined;
  participantsMax?: number | undefined;
  ids?: string[] | undefined;
  createdBy?: string[] | undefined;
  limit?: number | undefined;
  next?: string | undefined;
  prev?: string | undefined;
}

const typeNames = { video: "live_event_for_video", audio: "live_event_for_audio_only" } as const;

export function liveEventsResource(t: Transport) {
  const one = (method: "GET" | "POST" | "PUT" | "DELETE", to: Route, body?: unknown) =>
    t.request({ host: "calls", method, route: to, body, schema: liveEventEnvelopeSchema }).then((r) => toLiveEventDto(r.live_event));

  const list: Listing<ListLiveEventsParams, LiveEventDto> = listing(async (p: ListLiveEventsParams) => {
    const res = await t.request({
      host: "calls",
      method: "GET",
      route: route("/live-events"),
      schema: liveEventListSchema,
      query: {
        state: p.states,
        types: p.types?.map((type) => typeNames[type]),
        created_at_start_date: p.createdFrom,
        created_at_end_date: p.createdTo,
        started_at_start_date: p.startedFrom,
        started_at_end_date: p.startedTo,
        participant_count_range_gte: p.participantsMin,
        participant_count_range_lte: p.participantsMax,
        live_event_ids: p.ids,
        created_by_user_ids: p.createdBy,
        limit: p.limit,
        next: p.next,
        prev: p.prev,
      },
    });
    return { items: res.live_events.map(toLiveEventDto), next: res.next || null, prev: res.prev || null };
  });

  const participants: Listing<{ liveEventId: string; limit?: number | undefined; next?: string | undefined; prev?: string | undefined }, ParticipantDto> =
    listing(async (p) => {
      const res = await t.request({
        host: "calls",
        method: "GET",
        route: route("/live-events/{id}/participants", { id: p.liveEventId }),
        query: { limit: p.limit, next: p.next, prev: p.prev },
        schema: participantListSchema,
      });
      return { items: res.participants.map(toParticipantDto), next: res.next || null, prev: res.prev || null };
    });

  return {
    create: (input: CreateLiveEventInput) =>
      one("POST", route("/live-events"), {
        host_type: "single_host",
        ...(input.audioOnly ? { type: typeNames.audio } : {}),
        user_ids_for_host: input.hostCandidates,
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.coverUrl !== undefined ? { cover_url: input.coverUrl } : {}),
      }),
    setReady: (liveEventId: string) => one("POST", route("/live-events/{id}/ready", { id: liveEventId }), {}),
    start: (liveEventId: string) => one("POST", route("/live-events/{id}/start", { id: liveEventId }), {}),
    update: (liveEventId: string, input: UpdateLiveEventInput) =>
      one("PUT", route("/live-events/{id}", { id: liveEventId }), {
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.coverUrl !== undefined ? { cover_url: input.coverUrl } : {}),
        ...(input.hostCandidates !== undefined ? { user_ids_for_host: input.hostCandidates } : {}),
      }),
    end: (liveEventId: string) => one("DELETE", route("/live-events/{id}", { id: liveEventId })),
    retrieve: (liveEventId: string) => one("GET", route("/live-events/{id}", { id: liveEventId })),
    /** The event and Sendbird's object itself (the fields the console knows, every credential removed), for "raw JSON" views. */
    retrieveWithRaw: (liveEventId: string) =>
      t
        .request({ host: "calls", method: "GET", route: route("/live-events/{id}", { id: liveEventId }), schema: liveEventEnvelopeSchema })
        .then((r) => ({ event: toLiveEventDto(r.live_event), raw: sanitizeRaw(r.live_event) })),
    list,
    hosts: async (liveEventId: string): Promise<HostDto[]> =>
      hostsOf(
        await t.request({
          host: "calls",
          method: "GET",
          route: route("/live-events/{id}/hosts", { id: liveEventId }),
          schema: hostsResponseSchema,
        }),
      ),
    participants,
  };
}
