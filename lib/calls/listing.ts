import "server-only";
import { csvStream } from "@/lib/csv";
import type { CsvStream } from "@/lib/csv";
import { csvExport } from "@/lib/exports/job";
import type { ExportJob } from "@/lib/exports/job";
import type { SendbirdClient } from "@/lib/sendbird/client";
import type { DirectCallDto } from "@/lib/sendbird/dto";
import { endResultText } from "./end-results";
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
export async function listCalls(client: SendbirdClient, query: CallsQuery): Promise<CallsPage> {
  const request = toCallsRequest(query);
  const page = request.list === "user" ? await client.directCalls.userCalls(request.params) : await client.directCalls.list(request.params);
  return { rows: page.items.map(toRow), next: page.next, source: request.list, fetchedAt: Date.now() };
}

const csvHeader = [
  "call_id",
  "kind",
  "caller_id",
  "caller_nickname",
  "callee_id",
  "callee_nickname",
  "started_at",
  "ended_at",
  "duration_s",
  "end_result",
  "end_result_label",
  "ended_by",
] as const;

/**
 * Every direct call matching the list's filters (all pages, whatever page the list shows) as a CSV stream,
 * read from Sendbird as the browser takes it. The first page is read before the response starts, so a
 * Sendbird that is down fails the request instead of a half-written file.
 */
export async function callsCsv(client: SendbirdClient, query: CallsQuery): Promise<CsvStream> {
  const request = toCallsRequest({ ...query, next: undefined, limit: 100 });
  const walk = request.list === "user" ? client.directCalls.userCalls.all(request.params) : client.directCalls.list.all(request.params);
  const calls = walk[Symbol.asyncIterator]();
  const first = await calls.next();
  const time = (ms: number | null) => (ms === null ? "" : new Date(ms).toISOString());
  return csvStream(
    csvHeader,
    calls,
    (c: DirectCallDto) => [
      c.callId,
      c.isVideo ? "video" : "audio",
      c.caller?.userId ?? "",
      c.caller?.nickname ?? "",
      c.callee?.userId ?? "",
      c.callee?.nickname ?? "",
      time(c.startedAt),
      time(c.endedAt),
      c.durationMs === null ? "" : Math.round(c.durationMs / 1000),
      c.endResult ?? "",
      c.endResult === null ? "" : endResultText(c.endResult).dashboard,
      c.endedBy ?? "",
    ],
    first,
  );
}

/** The direct-calls export, audited as `direct_call.export`; give it the export lane's client (`exportSendbird()`). */
export function callsExport(client: SendbirdClient, query: CallsQuery): ExportJob {
  return csvExport({ action: "direct_call.export", targetType: "direct_call", limited: true }, "direct-calls", async () => ({
    body: await callsCsv(client, query),
  }));
}
