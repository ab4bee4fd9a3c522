import { NotForYourRole } from "@/components/errors/refusals";
import { AppShell } from "@/components/shell/app-shell";
import { currentUser } from "@/lib/auth/session";

// 403 outside the console's frame; inside it, app/(console)/forbidden.tsx answers without a second frame.
export default async function Forbidden() {
  const user = await currentUser();
  return (
    <AppShell user={user}>
      <NotForYourRole user={user} />
    </AppShell>
  );
}
