import Link from "next/link";
import { AppShell } from "@/components/shell/app-shell";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { currentUser } from "@/lib/auth/session";

export default async function NotFound() {
  const user = await currentUser();
  return (
    <AppShell user={user}>
      <div className="max-w-xl space-y-4">
        <PageHeader
          title="Page not found"
          description="There is nothing at this address. It may have been mistyped, or the thing it pointed at no longer exists."
        />
        <Button asChild variant="outline">
          <Link href="/">Back to the overview</Link>
        </Button>
      </div>
    </AppShell>
  );
}
