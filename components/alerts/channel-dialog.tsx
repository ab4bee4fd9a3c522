"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { DialogForm } from "@/components/forms/dialog-form";
import { Field } from "@/components/forms/field";
import { NativeSelect } from "@/components/forms/filter-form";
import { ShownOnce } from "@/components/forms/shown-once";
import { formFields, useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/toaster";
import { createAlertChannel, updateAlertChannel } from "@/lib/actions/alerts";

export const channelKinds = ["slack", "webhook", "email"] as const;
export type ChannelKind = (typeof channelKinds)[number];
const kindLabels: Record<ChannelKind, string> = { slack: "Slack incoming webhook", webhook: "Webhook (signed JSON)", email: "E-mail (SMTP)" };
const isChannelKind = (v: string): v is ChannelKind => (channelKinds as readonly string[]).includes(v);

export interface ChannelFormValues {
  id: string;
  kind: ChannelKind;
  name: string;
  hint: string;
  config: Record<string, unknown>;
}

const shown = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v) : "");

/** New channel, or a change to one. Secrets are never sent back to the page: left empty on a change, the stored one is kept. */
export function ChannelDialog({ channel }: { channel?: ChannelFormValues }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<ChannelKind>(channel?.kind ?? "slack");
  const [secret, setSecret] = useState<string | null>(null);
  const create = useAction(createAlertChannel);
  const update = useAction(updateAlertChannel);
  const action = channel ? update : create;
  const c = channel?.config ?? {};

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) {
      action.reset();
      setSecret(null);
      setKind(channel?.kind ?? "slack");
    }
  }

  function onSubmit(form: HTMLFormElement) {
    const input = { ...formFields(form), kind };
    const done = (data: { channel: { name: string }; signingSecret: string | null }) => {
      toast.success(channel ? `Channel “${data.channel.name}” saved.` : `Channel “${data.channel.name}” added.`);
      router.refresh();
      if (data.signingSecret) setSecret(data.signingSecret);
      else onOpenChange(false);
    };
    if (channel) update.run({ ...input, channelId: channel.id }, done);
    else create.run(input, done);
  }

  const err = action.fieldError;
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        {channel ? (
          <Button variant="outline" size="sm" aria-label={`Edit channel ${channel.name}`}>
            Edit
          </Button>
        ) : (
          <Button variant="outline">New channel</Button>
        )}
      </DialogTrigger>
      <DialogContent className="max-h-[90vh] overflow-y-auto">
        {secret ? (
          <>
            <DialogHeader>
              <DialogTitle>Signing secret</DialogTitle>
            </DialogHeader>
            <ShownOnce label="Signing secret" value={secret}>
              Give it to the receiver: it checks the <code>Showrunner-Signature</code> header of each message with it (docs/alerts.md). The console keeps it
              encrypted and shows only its last four characters from now on.
            </ShownOnce>
            <DialogFooter>
              <Button onClick={() => onOpenChange(false)}>Done</Button>
            </DialogFooter>
          </>
        ) : (
          <DialogForm
            id={action.formId}
            title={channel ? `Edit channel “${channel.name}”` : "New alert channel"}
            description="Where alerts go. Secrets are stored encrypted and shown masked."
            error={action.formError()}
            submit={channel ? "Save channel" : "Add channel"}
            pending={action.pending}
            pendingLabel="Saving…"
            noValidate
            onSubmit={onSubmit}
          >
            <div className="space-y-2">
              <Label htmlFor="channel-kind">Kind</Label>
              <NativeSelect
                id="channel-kind"
                value={kind}
                disabled={channel !== undefined}
                onChange={(e) => isChannelKind(e.target.value) && setKind(e.target.value)}
              >
                {channelKinds.map((k) => (
                  <option key={k} value={k}>
                    {kindLabels[k]}
                  </option>
                ))}
              </NativeSelect>
            </div>
            <Field id="name" label="Name" defaultValue={channel?.name ?? ""} maxLength={80} autoComplete="off" error={err("name")} />
            {kind === "slack" && (
              <Field
                id="url"
                label="Webhook address"
                type="password"
                autoComplete="off"
                placeholder={channel ? channel.hint : "https://hooks.slack.com/services/…"}
                hint={channel ? "Leave empty to keep the stored address." : "Slack's incoming webhook address. It is a secret: stored encrypted, shown masked."}
                error={err("url")}
              />
            )}
            {kind === "webhook" && (
              <Field
                id="url"
                label="Address"
                type="url"
                defaultValue={shown(c.url)}
                autoComplete="off"
                placeholder="https://alerts.example.com/showrunner"
                hint="Each message is a JSON POST signed with HMAC-SHA256 (docs/alerts.md). The signing secret is generated and shown once."
                error={err("url")}
              />
            )}
            {kind === "email" && (
              <>
                <Field id="host" label="SMTP server" defaultValue={shown(c.host)} autoComplete="off" placeholder="smtp.example.com" error={err("host")} />
                <Field id="port" label="Port" inputMode="numeric" defaultValue={shown(c.port) || "587"} error={err("port")} />
                <div className="space-y-2">
                  <Label htmlFor="security">Security</Label>
                  <NativeSelect id="security" name="security" defaultValue={shown(c.security) || "starttls"}>
                    <option value="starttls">STARTTLS (port 587)</option>
                    <option value="tls">TLS (port 465)</option>
                    <option value="none">None (this machine only)</option>
                  </NativeSelect>
                  {err("security") && <p className="text-sm text-destructive">{err("security")}</p>}
                </div>
                <Field id="username" label="User name (optional)" defaultValue={shown(c.username)} autoComplete="off" error={err("username")} />
                <Field
                  id="password"
                  label="Password (optional)"
                  type="password"
                  autoComplete="new-password"
                  placeholder={channel ? channel.hint : ""}
                  hint={channel ? "Leave empty to keep the stored password." : undefined}
                  error={err("password")}
                />
                <Field id="from" label="From" type="email" defaultValue={shown(c.from)} autoComplete="off" error={err("from")} />
                <Field
                  id="to"
                  label="To"
                  defaultValue={Array.isArray(c.to) ? c.to.join(", ") : ""}
                  autoComplete="off"
                  hint="One or more addresses, separated by commas."
                  error={err("to")}
                />
              </>
            )}
          </DialogForm>
        )}
      </DialogContent>
    </Dialog>
  );
}
