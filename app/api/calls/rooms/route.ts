import { apiRoute } from "@/lib/api/route";
import { listRooms } from "@/lib/calls/rooms";
import { roomsQuerySchema } from "@/lib/calls/rooms-query";
import { sendbird } from "@/lib/sendbird/server";

// GET /api/calls/rooms — one page of the filtered group-call rooms list.
export const GET = apiRoute({ query: roomsQuerySchema, permission: "data.read" }, ({ query }) => listRooms(sendbird(), query));
