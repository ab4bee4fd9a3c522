import { CopyId } from "@/components/ui/copy-id";
import { UserLink } from "./user-link";

/** A user's nickname (or id) over the id, linking to their case file. */
export function UserCell({ userId, nickname }: { userId: string; nickname: string }) {
  return (
    <>
      <UserLink userId={userId} className="font-medium hover:underline">
        {nickname || userId}
      </UserLink>
      <CopyId id={userId} what="user" />
    </>
  );
}
