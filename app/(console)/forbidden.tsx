import { NotForYourRole } from "@/components/errors/refusals";
import { currentUser } from "@/lib/auth/session";

// 403 inside the console's frame (the layout above draws it).
export default async function Forbidden() {
  return <NotForYourRole user={await currentUser()} />;
}
