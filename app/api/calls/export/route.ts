import { authorize, handleApiError, parseQuery } from "@/lib/api/route";
import { callsCsv } from "@/lib/calls/listing";
import { callsQuerySchema } from "@/lib/calls/query";
import { csvResponse } from "@/lib/csv";

// GET /api/calls/export — every direct call matching the list's filters, as a streamed CSV.
export async function GET(request: Request): Promise<Response> {
  const user = await authorize("data.read");
  if (user instanceof Response) return user;
  const query = parseQuery(callsQuerySchema, request);
  if (!query.ok) return query.response;
  try {
    return csvResponse(await callsCsv(query.data), "direct-calls");
  } catch (err) {
    return handleApiError(err);
  }
}
