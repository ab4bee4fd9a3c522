import type { Metadata } from "next";
import Link from "next/link";
import { ChannelDialog } from "@/components/alerts/channel-dialog";
import { ChannelsTable } from "@/components/alerts/channels-table";
import { DeliveriesTable } from "@/components/alerts/deliveries-table";
import { RuleDialog } from "@/components/alerts/rule-dialog";
import { RulesTable } from "@/components/alerts/rules-table";
import { PageHeader } from "@/components/shell/page-header";
import { Section } from "@/components/ui/section";
import { listChannels } from "@/lib/alerts/channels/store";
import { recentDeliveries } from "@/lib/alerts/deliveries";
import { listRules } from "@/lib/alerts/store";
import { requirePermission } from "@/lib/auth/session";
import { database } from "@/lib/db/server";

export const metadata: Metadata = { title: "Alert rules and channels" };

// GET /alerts/setup — the alert rules, the channels they notify (with Send a test) and the delivery log (admins).
export default async function AlertSetupPage() {
  await requirePermission("alerts.manage", "/alerts/setup");
  const db = await database();
  const [rules, channels, deliveries] = await Promise.all([listRules(db), listChannels(db), recentDeliveries(db, { limit: 50 })]);
  const choices = channels.map((c) => ({ id: c.id, name: c.name, kind: c.kind }));
  return (
    <div className="space-y-6">
      <PageHeader
        title="Alert rules and channels"
        description="Every change here is in the audit trail."
        back={
          <Link href="/alerts" className="text-sm underline">
            ← Alerts
          </Link>
        }
      />
      <Section
        title="Rules"
        description="What the console watches. A rule with no channel still opens alerts on the Alerts page."
        action={<RuleDialog channels={choices} />}
      >
        <RulesTable rules={rules} channels={choices} />
      </Section>
      <Section title="Channels" description="Where alerts go. Secrets are stored encrypted and shown masked." action={<ChannelDialog />}>
        {channels.length === 0 ? (
          <p className="text-sm text-muted-foreground">No channel yet. Add a Slack webhook, a signed webhook or an e-mail address.</p>
        ) : (
          <ChannelsTable channels={channels} />
        )}
      </Section>
      <Section title="Delivery log" description="The latest 50 messages to channels. Failed sends are retried after 10 s, 1 min, 5 min and 30 min.">
        {deliveries.length === 0 ? <p className="text-sm text-muted-foreground">Nothing sent yet.</p> : <DeliveriesTable deliveries={deliveries} />}
      </Section>
    </div>
  );
}
