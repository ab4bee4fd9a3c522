import { z } from "zod";
import { syncView } from "@/lib/activity/sync-view";
import { apiRoute } from "@/lib/api/route";
import { database } from "@/lib/db/server";
import { settings } from "@/lib/env";

// GET /api/sync — the activity sync's status, for the Sync status page's refresh (a database read only).
export const GET = apiRoute({ query: z.object({}).strict(), permission: "data.read" }, async () => syncView(await database(), settings()));
