import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ChannelView } from "@/lib/alerts/channels/store";
import { ChannelRowActions } from "./alert-actions";
import { ChannelDialog } from "./channel-dialog";
import type { ChannelKind } from "./channel-dialog";

const kindLabel: Record<string, string> = { slack: "Slack", webhook: "Webhook", email: "E-mail" };
const isKind = (k: string): k is ChannelKind => k === "slack" || k === "webhook" || k === "email";

/** The alert channels: where each sends (never a secret: its masked hint), with Send a test, Edit and Delete. */
export function ChannelsTable({ channels }: { channels: ChannelView[] }) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Channel</TableHead>
          <TableHead>Sends to</TableHead>
          <TableHead>Secret</TableHead>
          <TableHead>
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {channels.map((c) => (
          <TableRow key={c.id}>
            <TableCell className="align-top">
              <p className="font-medium">{c.name}</p>
              <p className="text-xs text-muted-foreground">{kindLabel[c.kind] ?? c.kind}</p>
            </TableCell>
            <TableCell className="max-w-md align-top font-mono text-xs break-all whitespace-normal">{c.target}</TableCell>
            <TableCell className="align-top font-mono text-xs">{c.hint}</TableCell>
            <TableCell className="align-top">
              <div className="flex flex-wrap justify-end gap-2">
                <ChannelRowActions channel={{ id: c.id, name: c.name }} />
                {isKind(c.kind) && <ChannelDialog channel={{ id: c.id, kind: c.kind, name: c.name, hint: c.hint, config: c.config }} />}
              </div>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
