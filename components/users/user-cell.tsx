import { UserLink } from "./user-link";

/** A user's nickname (or id) over the id, linking to their case file. */
export function UserCell({ userId, nickname }: { userId: string; nickname: string }) {
  return (
    <>
      <UserLink userId={userId} className="font-medium hover:underline">
        {nickname || userId}
      </UserLink>
      <span className="block font-mono text-xs text-muted-foreground">{userId}</span>
    </>
  );
}
