import { duration } from "@/lib/format";
import type { SendbirdClient } from "@/lib/sendbird/client";
import type { CallPartyDto, DirectCallDto } from "@/lib/sendbird/dto";
import type { TimelineStep } from "@/lib/timeline";

type CallPeople = Pick<DirectCallDto, "caller" | "callee" | "startedBy" | "startedAt" | "endedAt" | "endedBy" | "state">;

const named = (p: CallPartyDto) => (p.nickname ? `${p.nickname} (${p.userId})` : p.userId);

/** A user id of the call as "the caller, Ann (u-1)"; an id that is neither party is shown as it is. */
export function partyName(call: Pick<DirectCallDto, "caller" | "callee">, userId: string | null): string {
  if (!userId) return "";
  if (call.caller?.userId === userId) return `the caller, ${named(call.caller)}`;
  if (call.callee?.userId === userId) return `the callee, ${named(call.callee)}`;
  return userId;
}

/** Who ended the call, in words; when no user did, Sendbird ended it (a timeout, a lost connection). */
export function endedByText(call: CallPeople): string {
  if (call.endedAt === null) return call.state ? `Not ended yet (${call.state})` : "Not ended yet";
  return partyName(call, call.endedBy) || "Sendbird, not a user";
}

/**
 * For a dropped call (`connection_lost`), whose connection dropped: the side Sendbird records as ending it,
 * when it names one of the two; null for any other call.
 */
export function droppedText(call: CallPeople & Pick<DirectCallDto, "endResult">): string | null {
  if (call.endResult !== "connection_lost") return null;
  const who = partyName(call, call.endedBy);
  if (!who || (call.caller?.userId !== call.endedBy && call.callee?.userId !== call.endedBy)) return "Sendbird does not say whose connection dropped.";
  return `The connection of ${who} dropped: Sendbird records that side as ending the call.`;
}

/** The call's life: started (by whom) and ended (by whom). */
export function callTimeline(call: CallPeople): TimelineStep[] {
  return [
    { label: "Started", at: call.startedAt, by: partyName(call, call.startedBy) },
    { label: "Ended", at: call.endedAt, by: call.endedAt === null ? "" : endedByText(call) },
  ];
}

/** How long the two sides talked, in words: still going, never connected, or not reported. */
export function callDuration(call: Pick<DirectCallDto, "durationMs" | "endedAt">): string {
  if (call.durationMs !== null && call.durationMs > 0) return duration(call.durationMs);
  if (call.endedAt === null) return "Still going";
  return call.durationMs === 0 ? "0 s: never connected" : "Not reported by Sendbird";
}

/** One direct call as its page shows it: the call with Sendbird's object, and when it was read. */
export async function loadCall(client: SendbirdClient, id: string, read = client.directCalls.retrieveWithRaw(id)) {
  const { call, raw } = await read;
  return { call, raw, fetchedAt: Date.now() };
}
