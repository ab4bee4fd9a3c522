import { authorize, handleApiError, parseQuery } from "@/lib/api/route";
import { csvResponse } from "@/lib/csv";
import { liveEventsCsv } from "@/lib/live-events/listing";
import { liveEventsQuerySchema } from "@/lib/live-events/query";

// GET /api/live-events/export — every live event matching the list's filters, as a streamed CSV.
export async function GET(request: Request): Promise<Response> {
  const user = await authorize("data.read");
  if (user instanceof Response) return user;
  const query = parseQuery(liveEventsQuerySchema, request);
  if (!query.ok) return query.response;
  try {
    return csvResponse(await liveEventsCsv({ ...query.data, next: undefined, prev: undefined }), "live-events");
  } catch (err) {
    return handleApiError(err);
  }
}
