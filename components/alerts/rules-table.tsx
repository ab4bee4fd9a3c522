import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { describeRule, isRuleKind } from "@/lib/alerts/kinds";
import type { RuleRow } from "@/lib/alerts/store";
import { DeleteRuleButton } from "./alert-actions";
import { RuleDialog } from "./rule-dialog";
import type { ChannelChoice } from "./rule-dialog";

/** The alert rules: what each watches with its thresholds, the channels it notifies, and Edit and Delete. */
export function RulesTable({ rules, channels }: { rules: RuleRow[]; channels: ChannelChoice[] }) {
  const names = new Map(channels.map((c) => [c.id, c.name]));
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Rule</TableHead>
          <TableHead>Notifies</TableHead>
          <TableHead>Reminders</TableHead>
          <TableHead>
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rules.map((r) => (
          <TableRow key={r.id}>
            <TableCell className="max-w-xl align-top whitespace-normal">
              <p className="font-medium">
                {r.name} {!r.enabled && <Badge variant="outline">Off</Badge>}
              </p>
              <p className="text-sm text-muted-foreground">{isRuleKind(r.kind) ? describeRule(r.kind, r.params) : `Unknown kind "${r.kind}".`}</p>
            </TableCell>
            <TableCell className="align-top text-sm whitespace-normal">
              {r.channelIds.length === 0 ? (
                <span className="text-muted-foreground">This console only</span>
              ) : (
                r.channelIds.map((id) => names.get(id) ?? "a deleted channel").join(", ")
              )}
            </TableCell>
            <TableCell className="align-top text-sm whitespace-nowrap">{r.remindMinutes > 0 ? `every ${r.remindMinutes} min` : "never"}</TableCell>
            <TableCell className="align-top">
              <div className="flex justify-end gap-2">
                {isRuleKind(r.kind) && (
                  <RuleDialog
                    rule={{
                      id: r.id,
                      name: r.name,
                      kind: r.kind,
                      enabled: r.enabled,
                      params: r.params,
                      channelIds: r.channelIds,
                      remindMinutes: r.remindMinutes,
                    }}
                    channels={channels}
                  />
                )}
                <DeleteRuleButton rule={{ id: r.id, name: r.name }} />
              </div>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
