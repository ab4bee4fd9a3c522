import { detailRoute } from "@/components/shell/permission-layout";
import { roomIdSchema } from "@/lib/calls/schemas";
import { roomTitle } from "@/lib/calls/rooms-query";
import { roomRead } from "@/lib/pages/detail-reads";
import { roomPath } from "@/lib/paths";

// /calls/rooms/[roomId] — 403 and 404 are answered before the skeleton streams; the browser title names the room.
const route = detailRoute({
  param: "roomId",
  schema: roomIdSchema,
  path: roomPath,
  list: "/calls/rooms",
  noun: "Room",
  read: roomRead,
  name: ({ room }) => roomTitle(room),
});

export default route.DetailLayout;
export const generateMetadata = route.generateMetadata;
