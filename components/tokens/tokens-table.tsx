import { TokenRowActions } from "@/components/tokens/token-actions";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { utc } from "@/lib/format";
import type { TokenRow } from "@/lib/tokens/listing";

/** Secondary tokens, newest first, each masked to its last four characters, with Rotate and Revoke. */
export function TokensTable({ tokens, rotating }: { tokens: TokenRow[]; rotating: boolean }) {
  if (tokens.length === 0) {
    return <p className="rounded-lg border p-8 text-center text-sm text-muted-foreground">This application has no secondary API tokens.</p>;
  }
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Token</TableHead>
          <TableHead>Created (UTC)</TableHead>
          <TableHead>Used by this console</TableHead>
          <TableHead>
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {tokens.map((t) => (
          <TableRow key={`${t.last4}-${t.createdAt}`}>
            <TableCell className="font-mono">
              <span aria-label={`Token ending in ${t.last4}`}>••••••••{t.last4}</span>
              {t.inRotation && (
                <Badge variant="outline" className="ml-2">
                  rotating
                </Badge>
              )}
            </TableCell>
            <TableCell className="font-mono text-xs">{utc(t.createdAt)}</TableCell>
            <TableCell>
              {t.inUse && <Badge variant="secondary">This console</Badge>}
              {t.lastUsedAt !== null ? (
                <span className="block text-xs text-muted-foreground">
                  Last used {utc(t.lastUsedAt)} UTC{t.lastUsedHow ? ` (${t.lastUsedHow})` : ""}
                </span>
              ) : (
                !t.inUse && <span className="text-muted-foreground">Never</span>
              )}
            </TableCell>
            <TableCell>
              <TokenRowActions token={{ last4: t.last4, createdAt: t.createdAt }} rotating={rotating} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
