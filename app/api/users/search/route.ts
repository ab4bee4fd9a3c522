import { apiRoute } from "@/lib/api/route";
import { sendbird } from "@/lib/sendbird/server";
import { searchUsers, userSearchQuerySchema } from "@/lib/users/search";

// GET /api/users/search?q= — up to 10 users by exact id or nickname prefix, for user pickers (host candidates).
export const GET = apiRoute({ query: userSearchQuerySchema, permission: "data.read" }, async ({ query }) => ({
  users: await searchUsers(sendbird(), query.q),
}));
