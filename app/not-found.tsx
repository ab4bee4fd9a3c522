import Link from "next/link";
import { AppShell } from "@/components/shell/app-shell";
import { Button } from "@/components/ui/button";
import { currentUser } from "@/lib/auth/session";

export default async function NotFound() {
  const user = await currentUser();
  return (
    <AppShell user={user}>
      <div className="max-w-xl space-y-4">
        <h1 className="text-2xl font-semibold tracking-tight">Page not found</h1>
        <p className="text-muted-foreground">There is nothing at this address. It may have been mistyped, or the thing it pointed at no longer exists.</p>
        <Button asChild variant="outline">
          <Link href="/">Back to the overview</Link>
        </Button>
      </div>
    </AppShell>
  );
}
