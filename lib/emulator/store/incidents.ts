import type { EndResult } from "@/lib/sendbird/schemas";
import { EmulatorError } from "../errors";
import { callSpanMs, createCall } from "./direct-calls";
import { getLiveEvent } from "./live-events";
import { moveHost, participantsLeave } from "./live-sdk";
import type { HostRecord, LiveEventRecord } from "./records";
import { participantCount } from "./serialize";
import type { Store } from "./store";

/**
 * The end results that mean a call failed rather than that a person chose or missed it. Of Sendbird's seven,
 * completed, canceled (the caller gave up while it rang), declined (the callee refused) and no_answer (nobody
 * picked up) are ordinary outcomes; connection_lost (the media stream broke mid-call), timed_out (Sendbird could
 * not set up the media session in time) and unknown (Sendbird cannot say why it ended) are what alerting watches.
 */
export const failingEndResults = ["connection_lost", "timed_out", "unknown"] as const satisfies readonly EndResult[];
export type FailingEndResult = (typeof failingEndResults)[number];

/** Incidents only hit what is on air: the simulator leaves other events alone, so a hold there would mean nothing. */
function onAirEvent(store: Store, eventId: string, action: string): LiveEventRecord {
  const event = getLiveEvent(store, eventId);
  if (event.state !== "ongoing") throw new EmulatorError("not_allowed", `Cannot ${action} of a live event in state "${event.state}"; it must be on air.`);
  return event;
}

/** Every connected host of an on-air event disconnects; with `hold`, the simulator neither reconnects nor replaces them until recovery. */
export function dropHosts(store: Store, eventId: string, hold: boolean): HostRecord[] {
  const event = onAirEvent(store, eventId, "drop the hosts");
  const dropped = event.hosts.filter((h) => h.state === "connected").map((h) => moveHost(store, eventId, h.host_id, "disconnect"));
  // The latest drop decides: a drop without hold hands the hosts back to the simulator even if an earlier one held them.
  if (hold) store.incidents.hostDrops.add(eventId);
  else store.incidents.hostDrops.delete(eventId);
  return dropped;
}

/** Lifts every hold on an event and reconnects its disconnected hosts (exited ones stay out); returns those reconnected. */
export function recoverEvent(store: Store, eventId: string): HostRecord[] {
  const event = getLiveEvent(store, eventId);
  store.incidents.lift(eventId);
  // An ended event has no disconnected hosts (ending exits them all), so connecting cannot be refused here.
  return event.hosts.filter((h) => h.state === "disconnected").map((h) => moveHost(store, eventId, h.host_id, "connect"));
}

/** That share of the present audience (rounded up) leaves at once, and the simulator brings nobody in until recovery. */
export function crashAudience(store: Store, eventId: string, fraction: number): { left: number; participant_count: number } {
  const event = onAirEvent(store, eventId, "crash the audience");
  // The small epsilon keeps float noise (10 × 0.3 = 3.0000000000000004) from rounding one viewer too many up.
  const leaving = Math.ceil(participantCount(event) * fraction - 1e-9);
  const left = leaving > 0 ? participantsLeave(store, eventId, { count: leaving }).length : 0;
  store.incidents.audienceCrashes.add(eventId);
  return { left, participant_count: participantCount(event) };
}

export interface FailedCallsInput {
  count: number;
  end_result: FailingEndResult;
  /** Every call rings and ends inside the last `within_ms` of the clock; at least `answerTimeoutMs`, so a timed-out call fits. */
  within_ms: number;
}

/** Records `count` ended calls with a failing end result between random active users, all begun and ended within the window. */
export function failCalls(store: Store, input: FailedCallsInput, pick: (n: number) => number = (n) => Math.floor(Math.random() * n)): number {
  const users = store.userOrder.filter((u) => u.is_active).map((u) => u.user_id);
  if (users.length < 2) throw new EmulatorError("not_allowed", "Failed calls need at least two active users.");
  const now = store.now();
  for (let i = 0; i < input.count; i += 1) {
    const callerAt = pick(users.length);
    // Picking among the others, then skipping over the caller, gives a distinct callee without retries.
    const calleeAt = pick(users.length - 1);
    const caller = users[callerAt];
    const callee = users[calleeAt >= callerAt ? calleeAt + 1 : calleeAt];
    if (caller === undefined || callee === undefined) throw new RangeError("picked outside the user list");
    const talk = 1_000 + pick(300_000);
    // A call that was accepted talks no longer than the window allows; the others have a fixed length that fits.
    const duration = Math.max(0, talk - Math.max(0, callSpanMs(input.end_result, talk) - input.within_ms));
    const span = callSpanMs(input.end_result, duration);
    const started_at = now - span - pick(input.within_ms - span + 1);
    createCall(store, { caller_id: caller, callee_id: callee, end_result: input.end_result, duration, started_at });
  }
  return input.count;
}
