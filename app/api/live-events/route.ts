import { apiRoute } from "@/lib/api/route";
import { listLiveEvents } from "@/lib/live-events/listing";
import { liveEventsQuerySchema } from "@/lib/live-events/query";
import { sendbird } from "@/lib/sendbird/server";
import { databaseOrNull } from "@/lib/db/server";

// GET /api/live-events — one page of the filtered live-events list, for the list's 5-second refresh.
export const GET = apiRoute({ query: liveEventsQuerySchema, permission: "data.read" }, async ({ query }) =>
  listLiveEvents(sendbird(), await databaseOrNull(), query),
);
