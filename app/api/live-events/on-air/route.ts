import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { databaseOrNull } from "@/lib/db/server";
import { sharedOnAir } from "@/lib/live-events/on-air";
import { sendbird } from "@/lib/sendbird/server";

// GET /api/live-events/on-air — every event on air now with host flags, for the on-air board's refresh; one
// Sendbird read per refresh interval on this instance, whoever asks, with each card's sparkline from the samples.
export const GET = apiRoute({ query: z.object({}).strict(), permission: "data.read" }, async () => sharedOnAir(sendbird(), await databaseOrNull()));
