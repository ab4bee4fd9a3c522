import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { utc } from "@/lib/format";
import type { TokenView } from "@/lib/tokens/listing";

/** Secondary tokens, newest first, each masked to its last four characters. */
export function TokensTable({ tokens }: { tokens: TokenView[] }) {
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
        </TableRow>
      </TableHeader>
      <TableBody>
        {tokens.map((t) => (
          <TableRow key={`${t.last4}-${t.createdAt}`}>
            <TableCell className="font-mono">
              <span aria-label={`Token ending in ${t.last4}`}>••••••••{t.last4}</span>
            </TableCell>
            <TableCell className="font-mono text-xs">{utc(t.createdAt)}</TableCell>
            <TableCell>{t.inUse ? <Badge variant="secondary">This console</Badge> : "—"}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
