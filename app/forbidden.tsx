import Link from "next/link";
import { AppShell } from "@/components/shell/app-shell";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { currentUser } from "@/lib/auth/session";

export default async function Forbidden() {
  const user = await currentUser();
  return (
    <AppShell user={user}>
      <div className="max-w-xl space-y-4">
        <PageHeader
          title="Not available to your role"
          description={<>Your account ({user?.role ?? "signed out"}) does not have permission for this page. An admin can change your role under Settings.</>}
        />
        <Button asChild variant="outline">
          <Link href="/">Back to the overview</Link>
        </Button>
      </div>
    </AppShell>
  );
}
