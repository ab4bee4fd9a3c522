import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AccountListing } from "@/lib/accounts/listing";
import { utc } from "@/lib/format";
import { AccountActions } from "./account-actions";

function when(date: Date | null): string {
  return date ? `${utc(date, "minute")} UTC` : "never";
}

/** Every console account with its role, state and last sign-in; the row menu changes one. */
export function AccountsTable({ accounts, selfId }: { accounts: AccountListing[]; selfId: string }) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>E-mail</TableHead>
          <TableHead>Name</TableHead>
          <TableHead>Role</TableHead>
          <TableHead>State</TableHead>
          <TableHead>Last sign-in</TableHead>
          <TableHead>Created</TableHead>
          <TableHead>
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {accounts.map((a) => (
          <TableRow key={a.id} data-disabled={a.disabledAt ? "" : undefined} className="data-[disabled]:text-muted-foreground">
            <TableCell className="font-medium">
              {a.email}
              {a.id === selfId && <span className="ml-2 text-xs text-muted-foreground">(you)</span>}
            </TableCell>
            <TableCell>{a.name || "—"}</TableCell>
            <TableCell className="capitalize">{a.role}</TableCell>
            <TableCell>
              <div className="flex flex-wrap gap-1">
                {a.disabledAt ? <Badge variant="destructive">Disabled</Badge> : <Badge variant="success">Active</Badge>}
                {a.mustChangePassword && <Badge variant="outline">Must change password</Badge>}
                {a.boundUntil ? (
                  <Badge variant="warning">New addresses held until {utc(a.boundUntil, "minute").slice(11)} UTC</Badge>
                ) : (
                  a.recentFailures > 0 && <Badge variant="outline">{a.recentFailures} failed sign-ins in the last hour</Badge>
                )}
              </div>
            </TableCell>
            <TableCell className="whitespace-nowrap">{when(a.lastSignIn)}</TableCell>
            <TableCell className="whitespace-nowrap">{when(a.createdAt)}</TableCell>
            <TableCell className="text-right">
              <AccountActions account={{ id: a.id, email: a.email, role: a.role, disabled: a.disabledAt !== null, self: a.id === selfId }} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
