import { authorize, handleApiError, parseQuery } from "@/lib/api/route";
import { database } from "@/lib/db/server";
import { runExport } from "@/lib/exports/run";
import { liveEventsExport } from "@/lib/live-events/listing";
import { liveEventsQuerySchema } from "@/lib/live-events/query";
import { exportSendbird } from "@/lib/sendbird/server";

// GET /api/live-events/export — every live event matching the list's filters, as a streamed CSV; audited and limited per account.
export async function GET(request: Request): Promise<Response> {
  const user = await authorize("data.read");
  if (user instanceof Response) return user;
  const query = parseQuery(liveEventsQuerySchema, request);
  if (!query.ok) return query.response;
  try {
    const db = await database();
    return await runExport(liveEventsExport(exportSendbird(), db, query.data), { db, request, user });
  } catch (err) {
    return handleApiError(err);
  }
}
