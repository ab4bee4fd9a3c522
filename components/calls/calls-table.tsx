import { ListResults } from "@/components/lists/list-results";
import Link from "next/link";
import { CopyButton } from "@/components/ui/copy-id";
import { EndResult } from "@/components/calls/end-result";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { UtcStack } from "@/components/ui/utc-stack";
import { UserCell } from "@/components/users/user-cell";
import type { CallRow } from "@/lib/calls/listing";
import { duration } from "@/lib/format";
import { callPath } from "@/lib/paths";

function Party({ party }: { party: CallRow["caller"] }) {
  return party ? <UserCell userId={party.userId} nickname={party.nickname} /> : <span className="text-muted-foreground">—</span>;
}

/** One page of direct calls: both parties link to their case files, the end result reads in plain words. */
export function CallsTable({ rows, fetchedAt, source }: { rows: CallRow[]; fetchedAt: number; source: "all" | "user" }) {
  return (
    <ListResults
      count={rows.length}
      noun={["call", "calls"]}
      source={source === "user" ? "from Sendbird's list of one user's calls" : "from Sendbird's list of direct calls"}
      fetchedAt={fetchedAt}
      empty="No call matches these filters."
    >
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Caller</TableHead>
            <TableHead>Callee</TableHead>
            <TableHead>Kind</TableHead>
            <TableHead>Started (UTC)</TableHead>
            <TableHead>Duration</TableHead>
            <TableHead>End result</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((c) => (
            <TableRow key={c.callId}>
              <TableCell>
                <Party party={c.caller} />
              </TableCell>
              <TableCell>
                <Party party={c.callee} />
              </TableCell>
              <TableCell>{c.isVideo ? "Video" : "Audio"}</TableCell>
              <TableCell>{c.startedAt ? <UtcStack at={c.startedAt} seconds /> : "—"}</TableCell>
              <TableCell className="tabular-nums">{c.durationMs ? duration(c.durationMs) : "—"}</TableCell>
              <TableCell className="min-w-56 whitespace-normal">
                <EndResult result={c.endResult} />
                <span className="flex items-center gap-1">
                  <Link href={callPath(c.callId)} className="font-mono text-xs text-muted-foreground hover:underline" aria-label={`Call ${c.callId}`}>
                    {c.callId}
                  </Link>
                  <CopyButton id={c.callId} what="call" />
                </span>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ListResults>
  );
}
