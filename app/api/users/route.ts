import { apiRoute } from "@/lib/api/route";
import { listUsers } from "@/lib/users/listing";
import { usersQuerySchema } from "@/lib/users/query";
import { sendbird } from "@/lib/sendbird/server";

// GET /api/users — one page of the filtered users list.
export const GET = apiRoute({ query: usersQuerySchema, permission: "data.read" }, ({ query }) => listUsers(sendbird(), query));
