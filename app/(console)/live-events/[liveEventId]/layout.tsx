import { detailRoute } from "@/components/shell/permission-layout";
import { liveEventIdSchema } from "@/lib/live-events/schemas";
import { liveEventRead } from "@/lib/pages/detail-reads";
import { liveEventPath } from "@/lib/paths";

// /live-events/[liveEventId] — 403 and 404 are answered before the skeleton streams; the browser title names the event.
const route = detailRoute({
  param: "liveEventId",
  schema: liveEventIdSchema,
  path: liveEventPath,
  list: "/live-events",
  noun: "Live event",
  read: liveEventRead,
  name: ({ event }) => event.title || "Untitled event",
});

export default route.DetailLayout;
export const generateMetadata = route.generateMetadata;
