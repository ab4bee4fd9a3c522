import { apiRoute } from "@/lib/api/route";
import { sendbird } from "@/lib/sendbird/server";
import { jump, jumpQuerySchema } from "@/lib/users/jump";

// GET /api/jump?q= — what the command palette can open for a text: users and a live event.
export const GET = apiRoute({ query: jumpQuerySchema, permission: "data.read" }, ({ query }) => jump(sendbird(), query.q));
