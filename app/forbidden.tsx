import Link from "next/link";
import { AppShell } from "@/components/shell/app-shell";
import { Button } from "@/components/ui/button";
import { currentUser } from "@/lib/auth/session";

export default async function Forbidden() {
  const user = await currentUser();
  return (
    <AppShell user={user}>
      <div className="max-w-xl space-y-4">
        <h1 className="text-2xl font-semibold tracking-tight">Not available to your role</h1>
        <p className="text-muted-foreground">
          Your account ({user?.role ?? "signed out"}) does not have permission for this page. An admin can change your role under Settings.
        </p>
        <Button asChild variant="outline">
          <Link href="/">Back to the overview</Link>
        </Button>
      </div>
    </AppShell>
  );
}
