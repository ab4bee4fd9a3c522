import "server-only";
import type { DirectCallDto } from "@/lib/sendbird/dto";
import { sendbird } from "@/lib/sendbird/server";
import { toCallsRequest } from "./query";
import type { CallsQuery } from "./query";

/** What a row of the direct-calls list shows, and nothing more goes to the browser. */
export type CallRow = Pick<DirectCallDto, "callId" | "isVideo" | "caller" | "callee" | "startedAt" | "endedAt" | "durationMs" | "endResult">;

export interface CallsPage {
  rows: CallRow[];
  next: string | null;
  /** Which of Sendbird's lists answered: every call, or one user's. */
  source: "all" | "user";
  /** When Sendbird answered (ms since epoch). */
  fetchedAt: number;
}

const toRow = (c: DirectCallDto): CallRow => ({
  callId: c.callId,
  isVideo: c.isVideo,
  caller: c.caller,
  callee: c.callee,
  startedAt: c.startedAt,
  endedAt: c.endedAt,
  durationMs: c.durationMs,
  endResult: c.endResult,
});

/** One page of direct calls for the list's URL query: Sendbird's list of every call, or of one user's calls. */
export async function listCalls(query: CallsQuery): Promise<CallsPage> {
  const request = toCallsRequest(query);
  const page = request.list === "user" ? await sendbird().calls.userCalls(request.params) : await sendbird().calls.list(request.params);
  return { rows: page.items.map(toRow), next: page.next, source: request.list, fetchedAt: Date.now() };
}
