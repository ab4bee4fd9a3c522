import { ListResults } from "@/components/lists/list-results";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { utc } from "@/lib/format";
import { proxiedImageSrc } from "@/lib/images/server";
import type { UserRow } from "@/lib/users/listing";
import { UserAvatar } from "./user-avatar";
import { UserCell } from "./user-cell";

/** One page of users; each links to its case file. */
export function UsersTable({ rows, fetchedAt }: { rows: UserRow[]; fetchedAt: number }) {
  return (
    <ListResults count={rows.length} noun={["user", "users"]} source="from Sendbird's Chat API" fetchedAt={fetchedAt} empty="No user matches these filters.">
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead className="w-12">
              <span className="sr-only">Avatar</span>
            </TableHead>
            <TableHead>User</TableHead>
            <TableHead>Status</TableHead>
            <TableHead>Online</TableHead>
            <TableHead>Last seen (UTC)</TableHead>
            <TableHead>Created (UTC)</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((u) => (
            <TableRow key={u.userId}>
              <TableCell>
                <UserAvatar src={proxiedImageSrc(u.profileUrl)} name={u.nickname || u.userId} size="sm" />
              </TableCell>
              <TableCell>
                <UserCell userId={u.userId} nickname={u.nickname} />
              </TableCell>
              <TableCell>{u.isActive ? <Badge variant="secondary">Active</Badge> : <Badge variant="destructive">Deactivated</Badge>}</TableCell>
              <TableCell>{u.isOnline ? "Online" : "—"}</TableCell>
              <TableCell className="font-mono text-xs">{u.lastSeenAt ? utc(u.lastSeenAt, "minute") : "—"}</TableCell>
              <TableCell className="font-mono text-xs">{u.createdAt ? utc(u.createdAt, "minute") : "—"}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ListResults>
  );
}
