import { detailRoute } from "@/components/shell/permission-layout";
import { callIdSchema } from "@/lib/calls/schemas";
import { callRead } from "@/lib/pages/detail-reads";
import { callPath } from "@/lib/paths";

// /calls/[callId] — 403 and 404 are answered before the skeleton streams; the browser title names the call by its parties.
const route = detailRoute({
  param: "callId",
  schema: callIdSchema,
  path: callPath,
  list: "/calls",
  noun: "Direct call",
  read: callRead,
  name: ({ call }) => `${call.caller?.userId ?? "someone"} → ${call.callee?.userId ?? "someone"}`,
});

export default route.DetailLayout;
export const generateMetadata = route.generateMetadata;
