import { detailRoute } from "@/components/shell/permission-layout";
import { userIdSchema } from "@/lib/users/case-file";
import { caseFileOpening } from "@/lib/pages/detail-reads";
import { userPath } from "@/lib/paths";

// /users/[userId] — 403 and 404 are answered before the skeleton streams; the browser title names the user.
const route = detailRoute({
  param: "userId",
  schema: userIdSchema,
  path: userPath,
  list: "/users",
  noun: "User",
  read: caseFileOpening,
  name: (user) => (user.nickname ? `${user.nickname} (${user.userId})` : user.userId),
});

export default route.DetailLayout;
export const generateMetadata = route.generateMetadata;
