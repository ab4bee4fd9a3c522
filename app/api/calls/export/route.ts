import { authorize, handleApiError, parseQuery } from "@/lib/api/route";
import { callsExport } from "@/lib/calls/listing";
import { callsQuerySchema } from "@/lib/calls/query";
import { database } from "@/lib/db/server";
import { runExport } from "@/lib/exports/run";
import { exportSendbird } from "@/lib/sendbird/server";

// GET /api/calls/export — every direct call matching the list's filters, as a streamed CSV; audited and limited per account.
export async function GET(request: Request): Promise<Response> {
  const user = await authorize("data.read");
  if (user instanceof Response) return user;
  const query = parseQuery(callsQuerySchema, request);
  if (!query.ok) return query.response;
  try {
    return await runExport(callsExport(exportSendbird(), query.data), { db: await database(), request, user });
  } catch (err) {
    return handleApiError(err);
  }
}
