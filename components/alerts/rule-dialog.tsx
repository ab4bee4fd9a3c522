"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { DialogForm } from "@/components/forms/dialog-form";
import { Field } from "@/components/forms/field";
import { NativeSelect } from "@/components/forms/filter-form";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/toaster";
import { createAlertRule, updateAlertRule } from "@/lib/actions/alerts";
import { isRuleKind, kindNames, kinds, ruleKinds } from "@/lib/alerts/kinds";
import type { RuleKind } from "@/lib/alerts/kinds";

export interface RuleFormValues {
  id: string;
  name: string;
  kind: RuleKind;
  enabled: boolean;
  params: Record<string, number>;
  channelIds: string[];
  remindMinutes: number;
}

export interface ChannelChoice {
  id: string;
  name: string;
  kind: string;
}

/** The rule form's fields as the action takes them: thresholds by name, every ticked channel. */
function ruleInput(form: HTMLFormElement, kind: RuleKind) {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? "");
  return {
    name: text("name"),
    kind,
    enabled: data.get("enabled") === "on",
    params: Object.fromEntries(kinds[kind].params.map((p) => [p.name, text(`params.${p.name}`)])),
    channelIds: data.getAll("channelIds").map(String),
    remindMinutes: text("remindMinutes"),
  };
}

/** New rule, or a change to one: what it watches, its thresholds, the channels it notifies and how often it reminds. */
export function RuleDialog({ rule, channels }: { rule?: RuleFormValues; channels: ChannelChoice[] }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<RuleKind>(rule?.kind ?? "host_absent");
  const create = useAction(createAlertRule);
  const update = useAction(updateAlertRule);
  const action = rule ? update : create;
  const title = rule ? `Edit rule “${rule.name}”` : "New alert rule";

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) {
      action.reset();
      setKind(rule?.kind ?? "host_absent");
    }
  }

  function onSubmit(form: HTMLFormElement) {
    const input = ruleInput(form, kind);
    const done = (saved: { name: string }) => {
      toast.success(rule ? `Rule “${saved.name}” saved.` : `Rule “${saved.name}” added.`);
      onOpenChange(false);
      router.refresh();
    };
    if (rule) update.run({ ...input, ruleId: rule.id }, done);
    else create.run(input, done);
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        {rule ? (
          <Button variant="outline" size="sm" aria-label={`Edit rule ${rule.name}`}>
            Edit
          </Button>
        ) : (
          <Button>New rule</Button>
        )}
      </DialogTrigger>
      <DialogContent className="max-h-[90vh] overflow-y-auto">
        <DialogForm
          id={action.formId}
          title={title}
          description={kinds[kind].sentence.replace(/\{(\w+)\}/g, "N")}
          error={action.formError()}
          submit={rule ? "Save rule" : "Add rule"}
          pending={action.pending}
          pendingLabel="Saving…"
          noValidate
          onSubmit={onSubmit}
        >
          <Field id="name" label="Name" defaultValue={rule?.name ?? kindNames[kind]} maxLength={80} autoComplete="off" error={action.fieldError("name")} />
          <div className="space-y-2">
            <Label htmlFor="kind">Watches</Label>
            <NativeSelect id="kind" name="kind" value={kind} onChange={(e) => isRuleKind(e.target.value) && setKind(e.target.value)}>
              {ruleKinds.map((k) => (
                <option key={k} value={k}>
                  {kindNames[k]}
                </option>
              ))}
            </NativeSelect>
          </div>
          {kinds[kind].params.map((p) => (
            <Field
              key={`${kind}-${p.name}`}
              id={`params.${p.name}`}
              label={`${p.label} (${p.unit})`}
              inputMode="numeric"
              defaultValue={String(rule?.kind === kind ? (rule.params[p.name] ?? p.fallback) : p.fallback)}
              hint={`${p.min}–${p.max.toLocaleString("en-US")}`}
              error={action.fieldError(`params.${p.name}`)}
            />
          ))}
          <Field
            id="remindMinutes"
            label="Remind every (minutes)"
            inputMode="numeric"
            defaultValue={String(rule?.remindMinutes ?? 30)}
            hint="While the alert stays open and nobody has acknowledged it. 0: never remind."
            error={action.fieldError("remindMinutes")}
          />
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium">Notify</legend>
            {channels.length === 0 && <p className="text-sm text-muted-foreground">No channels yet: alerts show in the console only. Add a channel below.</p>}
            {channels.map((c) => (
              <label key={c.id} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="channelIds"
                  value={c.id}
                  defaultChecked={rule?.channelIds.includes(c.id) ?? false}
                  className="size-4 accent-primary"
                />
                {c.name} <span className="text-muted-foreground">({c.kind})</span>
              </label>
            ))}
            {action.fieldError("channelIds") && <p className="text-sm text-destructive">{action.fieldError("channelIds")}</p>}
          </fieldset>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="enabled" defaultChecked={rule?.enabled ?? true} className="size-4 accent-primary" />
            Rule is on
          </label>
        </DialogForm>
      </DialogContent>
    </Dialog>
  );
}
