import Link from "next/link";

/** A user's nickname (or id) over the id, linking to their case file. */
export function UserCell({ userId, nickname }: { userId: string; nickname: string }) {
  return (
    <>
      <Link href={`/users/${encodeURIComponent(userId)}`} className="font-medium hover:underline">
        {nickname || userId}
      </Link>
      <span className="block font-mono text-xs text-muted-foreground">{userId}</span>
    </>
  );
}
