import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { onAir } from "@/lib/live-events/on-air";
import { sendbird } from "@/lib/sendbird/server";

// GET /api/live-events/on-air — every event on air now with host flags, for the on-air cards' 5-second refresh.
export const GET = apiRoute({ query: z.object({}).strict(), permission: "data.read" }, () => onAir(sendbird()));
