import "server-only";
import { requestMeta } from "@/lib/api/request-meta";
import { apiError, handleApiError } from "@/lib/api/route";
import { appendAudit } from "@/lib/audit/store";
import type { SessionUser } from "@/lib/auth/session";
import type { Database } from "@/lib/db";
import type { Outcome } from "@/lib/audit/outcomes";
import { explain } from "@/lib/errors";
import { SendbirdError } from "@/lib/sendbird/errors";
import type { ExportDownload, ExportJob } from "./job";
import { exportSlots } from "./slots";
import type { ExportSlots } from "./slots";

/** What a refused export is told to wait: about what a mid-sized export takes within Sendbird's limits. */
export const exportRetryAfterSeconds = 30;

type Ending = { how: "completed" } | { how: "failed"; error: unknown } | { how: "stopped" };

const why = (err: unknown) => {
  const explanation = explain(err);
  return { sendbirdCode: err instanceof SendbirdError ? err.code : null, message: `${explanation.title}: ${explanation.detail}` };
};

/**
 * Runs one export for `user`: takes one of the account's export slots (a 429 with Retry-After while all are
 * busy), opens the download, and appends one audit row when it ends — the filters, the rows handed to the
 * download and whether it completed, also when the browser cancels or disconnects. The trail is append-only,
 * so the row is written once the row count is known; a refusal and a source that failed are audited too.
 */
export async function runExport(job: ExportJob, ctx: { db: Database; request: Request; user: SessionUser; slots?: ExportSlots }): Promise<Response> {
  const { db, request, user, slots = exportSlots() } = ctx;
  // Next answers HEAD with the GET handler and drops the body unread and uncancelled, so nothing is started for it.
  if (request.method === "HEAD") return new Response(null, { headers: { "cache-control": "no-store" } });
  const base = {
    actorId: user.id,
    actorEmail: user.email,
    action: job.action,
    targetType: job.targetType,
    targetId: job.targetId,
    ...requestMeta(request.headers),
  };
  const filters = new URL(request.url).search.slice(0, 300);
  const record = (outcome: Outcome, rows: number, completed: boolean, reason: { message?: string; sendbirdCode?: number | null } = {}) =>
    appendAudit(db, { ...base, outcome, ...reason, details: { ...job.details, filters, rows, completed } });

  const release = job.limited ? slots.take(user.id) : () => undefined;
  if (!release) {
    await record("denied", 0, false, { message: `${slots.perAccount} exports already running` });
    const refused = apiError(
      429,
      "too_many_exports",
      `You already have ${slots.perAccount} exports running. Wait for one to finish, or cancel it, then try again.`,
    );
    refused.headers.set("retry-after", String(exportRetryAfterSeconds));
    return refused;
  }
  let download: ExportDownload;
  try {
    download = await job.open();
  } catch (err) {
    release();
    await record("failure", 0, false, why(err));
    return handleApiError(err);
  }
  return watch(download.response, request.signal, async (ending) => {
    release();
    const rows = download.rows();
    if (ending.how === "completed") await record("success", rows, true);
    else if (ending.how === "failed") await record("failure", rows, false, why(ending.error));
    else await record("failure", rows, false, { message: `Stopped after ${rows} rows: the browser cancelled the download or disconnected.` });
  });
}

const logUnaudited = (err: unknown) => console.error(`showrunner: an export's end could not be audited: ${err instanceof Error ? err.message : String(err)}`);

/**
 * The same download, calling `end` once when it completes, fails, is cancelled or its request is aborted
 * (Next may drop a response it never started to send without cancelling it). A completed download closes
 * only after `end`, so a client that read it to the end finds its audit row.
 */
function watch(response: Response, signal: AbortSignal, end: (ending: Ending) => Promise<void>): Response {
  const source = (response.body ?? new ReadableStream<Uint8Array>({ start: (c) => c.close() })).getReader();
  let ended: Promise<void> | null = null;
  let outer: ReadableStreamDefaultController<Uint8Array> | null = null;
  const finish = (ending: Ending): Promise<void> => {
    signal.removeEventListener("abort", onAbort);
    ended ??= end(ending);
    return ended;
  };
  function onAbort() {
    finish({ how: "stopped" }).catch(logUnaudited);
    source.cancel(signal.reason).catch(() => undefined);
    try {
      outer?.error(signal.reason);
    } catch {
      // already closed
    }
  }
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      outer = controller;
    },
    async pull(controller) {
      let read: ReadableStreamReadResult<Uint8Array>;
      try {
        read = await source.read();
      } catch (err) {
        await finish({ how: "failed", error: err });
        controller.error(err);
        return;
      }
      // Stopped while this read waited: the stream is already cancelled or errored.
      if (ended) return;
      if (!read.done) return controller.enqueue(read.value);
      await finish({ how: "completed" });
      controller.close();
    },
    async cancel(reason) {
      await Promise.all([finish({ how: "stopped" }).catch(logUnaudited), source.cancel(reason)]);
    },
  });
  signal.addEventListener("abort", onAbort, { once: true });
  if (signal.aborted) onAbort();
  return new Response(body, { status: response.status, headers: response.headers });
}
