import { apiRoute } from "@/lib/api/route";
import { databaseOrNull } from "@/lib/db/server";
import { sharedLiveEventsPage } from "@/lib/live-events/listing";
import { liveEventsQuerySchema } from "@/lib/live-events/query";
import { sendbird } from "@/lib/sendbird/server";

// GET /api/live-events — one page of the filtered live-events list, for the list's refresh while it shows an
// event on air; one Sendbird read per refresh interval and query on this instance, whoever asks.
export const GET = apiRoute({ query: liveEventsQuerySchema, permission: "data.read" }, async ({ query }) =>
  sharedLiveEventsPage(sendbird(), await databaseOrNull(), query),
);
