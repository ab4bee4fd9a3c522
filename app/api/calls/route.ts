import { apiRoute } from "@/lib/api/route";
import { listCalls } from "@/lib/calls/listing";
import { callsQuerySchema } from "@/lib/calls/query";
import { sendbird } from "@/lib/sendbird/server";

// GET /api/calls — one page of the filtered direct-calls list.
export const GET = apiRoute({ query: callsQuerySchema, permission: "data.read" }, ({ query }) => listCalls(sendbird(), query));
