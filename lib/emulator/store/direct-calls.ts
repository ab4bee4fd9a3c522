import { EmulatorError } from "../errors";
import { newestFirst, paginate } from "../paginate";
import type { Page, PageRequest } from "../paginate";
import type { CallRecord } from "./records";
import { callKey } from "./store";
import type { Store } from "./store";

export function getCall(store: Store, id: string): CallRecord {
  const call = store.calls.get(id);
  if (!call) throw new EmulatorError("not_found", `Direct call "${id}" not found.`);
  return call;
}

export interface CallInput {
  caller_id: string;
  callee_id: string;
  end_result: CallRecord["end_result"];
  is_video_call?: boolean | undefined;
  /** Talk time in ms (only for calls that were accepted). */
  duration?: number | undefined;
  started_at?: number | undefined;
  custom_items?: Record<string, string> | undefined;
}

/** Ringing time before a call was accepted, refused or given up. */
const ringMs = 8_000;
/** How long an unanswered call rings before it ends: the longest a call without talk time lasts. */
export const answerTimeoutMs = 60_000;

const isAccepted = (result: CallRecord["end_result"]) => result === "completed" || result === "connection_lost" || result === "unknown";
const isUnanswered = (result: CallRecord["end_result"]) => result === "no_answer" || result === "timed_out";

/** Milliseconds from the first ring to the end of a call with this end result and talk time (ignored unless it was accepted). */
export function callSpanMs(result: CallRecord["end_result"], duration: number): number {
  return isAccepted(result) ? ringMs + duration : isUnanswered(result) ? answerTimeoutMs : ringMs;
}

/** Records a finished direct call, as if two SDK clients had made it. */
export function createCall(store: Store, input: CallInput): CallRecord {
  for (const id of [input.caller_id, input.callee_id]) {
    if (!store.users.has(id)) throw new EmulatorError("not_found", `User "${id}" not found.`);
  }
  if (input.caller_id === input.callee_id) throw new EmulatorError("invalid", "A user cannot call themselves.");
  const duration = isAccepted(input.end_result) ? (input.duration ?? 60_000) : 0;
  const unanswered = isUnanswered(input.end_result);
  const talkOrRing = callSpanMs(input.end_result, duration);
  const started_at = input.started_at ?? store.now() - talkOrRing;
  const ended_by = input.end_result === "canceled" ? input.caller_id : input.end_result === "declined" ? input.callee_id : unanswered ? "" : input.caller_id;
  const call: CallRecord = {
    call_id: store.newId(),
    is_video_call: input.is_video_call ?? false,
    caller_id: input.caller_id,
    callee_id: input.callee_id,
    started_at,
    ended_at: started_at + talkOrRing,
    duration,
    ended_by,
    end_result: input.end_result,
    custom_items: input.custom_items ?? {},
    cloud_recordings: [],
  };
  store.addCall(call);
  return call;
}

export interface CallFilter {
  endResults?: string[] | undefined;
  callTs?: number | undefined;
  /** Which side of `callTs`: `prev` (older, the default) or `next` (newer). */
  scope?: "prev" | "next" | undefined;
  durationMin?: number | undefined;
  durationMax?: number | undefined;
}

export interface UserCallFilter {
  role?: "dc_caller" | "dc_callee" | undefined;
  endResults?: string[] | undefined;
  /** Unix seconds, as documented. */
  startTs?: number | undefined;
  endTs?: number | undefined;
}

function matches(call: CallRecord, f: CallFilter): boolean {
  if (f.endResults && !f.endResults.includes(call.end_result)) return false;
  if (f.callTs !== undefined) {
    if ((f.scope ?? "prev") === "prev" ? call.started_at > f.callTs : call.started_at < f.callTs) return false;
  }
  if (f.durationMin !== undefined && call.duration < f.durationMin) return false;
  if (f.durationMax !== undefined && call.duration > f.durationMax) return false;
  return true;
}

export function listCalls(store: Store, filter: CallFilter, page: PageRequest): Page<CallRecord> {
  const filtered = store.callOrder.filter((c) => matches(c, filter));
  return paginate("direct_calls", filtered, callKey, newestFirst, page);
}

export function listUserCalls(store: Store, userId: string, filter: UserCallFilter, page: PageRequest): Page<CallRecord> {
  const filtered = store.callOrder.filter((c) => {
    if (
      filter.role === "dc_caller"
        ? c.caller_id !== userId
        : filter.role === "dc_callee"
          ? c.callee_id !== userId
          : c.caller_id !== userId && c.callee_id !== userId
    ) {
      return false;
    }
    if (filter.endResults && !filter.endResults.includes(c.end_result)) return false;
    if (filter.startTs !== undefined && c.started_at < filter.startTs * 1000) return false;
    if (filter.endTs !== undefined && c.ended_at > filter.endTs * 1000) return false;
    return true;
  });
  return paginate(`user_calls:${userId}`, filtered, callKey, newestFirst, page);
}
