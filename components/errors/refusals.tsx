import Link from "next/link";
import { MissingId } from "@/components/errors/missing-id";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import type { SessionUser } from "@/lib/auth/session";

/*
 * The bodies of the 403 and 404 pages. Inside the console's frame they are drawn as they are; the root's
 * own files (an address no route matches) draw the frame around them.
 */

export function NotForYourRole({ user }: { user: SessionUser | null }) {
  return (
    <div className="max-w-xl space-y-4">
      <PageHeader
        title="Not available to your role"
        description={<>Your account ({user?.role ?? "signed out"}) does not have permission for this page. An admin can change your role under Settings.</>}
      />
      <Button asChild variant="outline">
        <Link href="/">Back to the overview</Link>
      </Button>
    </div>
  );
}

export function NothingHere() {
  return (
    <div className="max-w-xl space-y-4">
      <PageHeader
        title="Page not found"
        description="There is nothing at this address. It may have been mistyped, or the thing it pointed at no longer exists."
      />
      <Button asChild variant="outline">
        <Link href="/">Back to the overview</Link>
      </Button>
    </div>
  );
}

/** A detail page's object that Sendbird does not know: which id, what may have happened, and the list to look in. */
export function ObjectNotFound({ what, list }: { what: string; list: { href: string; label: string } }) {
  return (
    <div className="max-w-xl space-y-4">
      <PageHeader
        title={`${what.charAt(0).toUpperCase()}${what.slice(1)} not found`}
        description={
          <>
            Sendbird has no {what} with the id <MissingId />. It may have been deleted, or the id may be mistyped.
          </>
        }
      />
      <Button asChild variant="outline">
        <Link href={list.href}>{list.label}</Link>
      </Button>
    </div>
  );
}
