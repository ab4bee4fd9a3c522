import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { databaseOrNull } from "@/lib/db/server";
import { liveParts } from "@/lib/live-events/live-parts";
import { liveEventIdSchema } from "@/lib/live-events/schemas";
import { sendbird } from "@/lib/sendbird/server";

// GET /api/live-events/live-parts?id=… — an event's audience and hosts, for its page's refresh while on air;
// one Sendbird read per refresh interval and event on this instance, whoever asks.
export const GET = apiRoute({ query: z.object({ id: liveEventIdSchema }).strict(), permission: "data.read" }, async ({ query }) =>
  liveParts(sendbird(), await databaseOrNull(), query.id),
);
