import Link from "next/link";
import { Button } from "@/components/ui/button";

/** A list's page button: a link when there is such a page, a disabled button (still announced) when not. */
export function PageLink({ href, label }: { href: string | null; label: string }) {
  return href ? (
    <Button variant="outline" size="sm" asChild>
      <Link href={href}>{label}</Link>
    </Button>
  ) : (
    <Button variant="outline" size="sm" disabled>
      {label}
    </Button>
  );
}
