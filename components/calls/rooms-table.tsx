import Link from "next/link";
import { CopyButton } from "@/components/ui/copy-id";
import { ListResults } from "@/components/lists/list-results";
import { RoomState } from "@/components/calls/room-state";
import { UserLink } from "@/components/users/user-link";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { RoomRow } from "@/lib/calls/rooms";
import { roomTypeText } from "@/lib/calls/rooms-query";
import { utc } from "@/lib/format";
import { roomPath } from "@/lib/paths";

/** One page of group-call rooms; the id opens the room, the creator's case file is a click away. */
export function RoomsTable({ rows, fetchedAt }: { rows: RoomRow[]; fetchedAt: number }) {
  return (
    <ListResults
      count={rows.length}
      noun={["room", "rooms"]}
      source="from Sendbird's list of rooms"
      fetchedAt={fetchedAt}
      empty="No room matches these filters."
    >
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Room</TableHead>
            <TableHead>Type</TableHead>
            <TableHead>State</TableHead>
            <TableHead>Created (UTC)</TableHead>
            <TableHead>Created by</TableHead>
            <TableHead className="text-right">In the room now</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.roomId}>
              <TableCell>
                <span className="flex items-center gap-1">
                  <Link href={roomPath(r.roomId)} className="font-mono text-xs font-medium hover:underline">
                    {r.roomId}
                  </Link>
                  <CopyButton id={r.roomId} what="room" />
                </span>
              </TableCell>
              <TableCell>{roomTypeText(r.type)}</TableCell>
              <TableCell>
                <RoomState state={r.state} />
                {r.deletedAt !== null && <span className="block font-mono text-xs text-muted-foreground">{utc(r.deletedAt)}</span>}
              </TableCell>
              <TableCell className="font-mono text-xs">{utc(r.createdAt)}</TableCell>
              <TableCell>
                {r.createdBy ? (
                  <UserLink userId={r.createdBy} className="font-mono text-xs hover:underline">
                    {r.createdBy}
                  </UserLink>
                ) : (
                  <span className="text-muted-foreground" title="Sendbird leaves created_by empty for a room made through the Platform API">
                    the API
                  </span>
                )}
              </TableCell>
              <TableCell className="text-right tabular-nums">{r.participants}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ListResults>
  );
}
