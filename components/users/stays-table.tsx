import type * as React from "react";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { UserCell } from "@/components/users/user-cell";
import { utc } from "@/lib/format";

/** What every stay in a live event or a room holds (the participant DTOs of both). */
export interface Stay {
  participantId: string;
  userId: string;
  nickname: string;
  state: string;
  enteredAt: number | null;
  exitedAt: number | null;
}

/**
 * Who entered and when they left, one row per stay: the participants of a live event and of a room share it.
 * `stayed` says how long in words; `exitedNone` is what an open stay's exit says; `extra` adds a last column.
 */
export function StaysTable<T extends Stay>({
  stays,
  stayed,
  label,
  stayedHeader,
  exitedNone,
  extra,
}: {
  stays: T[];
  stayed: (stay: T) => string;
  label?: string;
  stayedHeader: string;
  exitedNone: string;
  extra?: { header: string; cell: (stay: T) => React.ReactNode };
}) {
  return (
    <Table aria-label={label}>
      <TableHeader>
        <TableRow>
          <TableHead>Participant</TableHead>
          <TableHead>State</TableHead>
          <TableHead>Entered (UTC)</TableHead>
          <TableHead>Exited</TableHead>
          <TableHead className="text-right">{stayedHeader}</TableHead>
          {extra && <TableHead>{extra.header}</TableHead>}
        </TableRow>
      </TableHeader>
      <TableBody>
        {stays.map((s) => (
          <TableRow key={s.participantId}>
            <TableCell>
              <UserCell userId={s.userId} nickname={s.nickname} />
            </TableCell>
            <TableCell>{s.state}</TableCell>
            <TableCell className="font-mono text-xs">{s.enteredAt !== null ? utc(s.enteredAt) : "—"}</TableCell>
            <TableCell className="font-mono text-xs">{s.exitedAt !== null ? utc(s.exitedAt) : exitedNone}</TableCell>
            <TableCell className="text-right tabular-nums">{stayed(s)}</TableCell>
            {extra && <TableCell>{extra.cell(s)}</TableCell>}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
