import { apiRoute } from "@/lib/api/route";
import { databaseOrNull } from "@/lib/db/server";
import { sendbird } from "@/lib/sendbird/server";
import { jump, jumpQuerySchema } from "@/lib/users/jump";

// GET /api/jump?q= — what the command palette can open for a text: users, live events (by id or title) and a call.
export const GET = apiRoute({ query: jumpQuerySchema, permission: "data.read" }, async ({ query }) => jump(sendbird(), await databaseOrNull(), query.q));
