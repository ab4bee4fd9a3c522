import "server-only";
import { hostsOf, sanitizeRaw, toLiveEventDto, toParticipantDto } from "../dto";
import type { HostDto, LiveEventDto, ParticipantDto } from "../dto";
import { id, listing } from "../pages";
import type { Listing } from "../pages";
import { hostsResponseSchema, liveEventEnvelopeSchema, liveEventListSchema, participantListSchema } from "../schemas";
import type { Transport } from "../transport";

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
  const one = (method: "GET" | "POST" | "PUT" | "DELETE", path: string, endpoint: string, body?: unknown) =>
    t.request({ host: "calls", method, path, endpoint, body, schema: liveEventEnvelopeSchema }).then((r) => toLiveEventDto(r.live_event));

  const list: Listing<ListLiveEventsParams, LiveEventDto> = listing(async (p: ListLiveEventsParams) => {
    const res = await t.request({
      host: "calls",
      method: "GET",
      path: "/live-events",
      endpoint: "/live-events",
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
        path: `/live-events/${id(p.liveEventId)}/participants`,
        endpoint: "/live-events/{id}/participants",
        query: { limit: p.limit, next: p.next, prev: p.prev },
        schema: participantListSchema,
      });
      return { items: res.participants.map(toParticipantDto), next: res.next || null, prev: res.prev || null };
    });

  return {
    create: (input: CreateLiveEventInput) =>
      one("POST", "/live-events", "/live-events", {
        host_type: "single_host",
        ...(input.audioOnly ? { type: typeNames.audio } : {}),
        user_ids_for_host: input.hostCandidates,
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.coverUrl !== undefined ? { cover_url: input.coverUrl } : {}),
      }),
    setReady: (liveEventId: string) => one("POST", `/live-events/${id(liveEventId)}/ready`, "/live-events/{id}/ready", {}),
    start: (liveEventId: string) => one("POST", `/live-events/${id(liveEventId)}/start`, "/live-events/{id}/start", {}),
    update: (liveEventId: string, input: UpdateLiveEventInput) =>
      one("PUT", `/live-events/${id(liveEventId)}`, "/live-events/{id}", {
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.coverUrl !== undefined ? { cover_url: input.coverUrl } : {}),
        ...(input.hostCandidates !== undefined ? { user_ids_for_host: input.hostCandidates } : {}),
      }),
    end: (liveEventId: string) => one("DELETE", `/live-events/${id(liveEventId)}`, "/live-events/{id}"),
    retrieve: (liveEventId: string) => one("GET", `/live-events/${id(liveEventId)}`, "/live-events/{id}"),
    /** The event and Sendbird's object itself (the fields the console knows, every credential removed), for "raw JSON" views. */
    retrieveWithRaw: (liveEventId: string) =>
      t
        .request({ host: "calls", method: "GET", path: `/live-events/${id(liveEventId)}`, endpoint: "/live-events/{id}", schema: liveEventEnvelopeSchema })
        .then((r) => ({ event: toLiveEventDto(r.live_event), raw: sanitizeRaw(r.live_event) })),
    list,
    hosts: async (liveEventId: string): Promise<HostDto[]> =>
      hostsOf(
        await t.request({
          host: "calls",
          method: "GET",
          path: `/live-events/${id(liveEventId)}/hosts`,
          endpoint: "/live-events/{id}/hosts",
          schema: hostsResponseSchema,
        }),
      ),
    participants,
  };
}
