import Link from "next/link";
import { isPathSegment, userPath } from "@/lib/paths";

/**
 * A link to a user's case file. An id no address can carry (`.` or `..`) is shown as text: as a link, the
 * browser would read it as a step and open another page.
 */
export function UserLink({ userId, ...props }: { userId: string } & Omit<React.ComponentProps<typeof Link>, "href">) {
  if (!isPathSegment(userId)) return <span className={props.className}>{props.children}</span>;
  return <Link href={userPath(userId)} {...props} />;
}
