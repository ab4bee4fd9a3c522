import { NothingHere } from "@/components/errors/refusals";
import { AppShell } from "@/components/shell/app-shell";
import { currentUser } from "@/lib/auth/session";

// 404 for an address no route matches, drawn in the console's frame; inside the frame, app/(console)/not-found.tsx answers.
export default async function NotFound() {
  const user = await currentUser();
  return (
    <AppShell user={user}>
      <NothingHere />
    </AppShell>
  );
}
