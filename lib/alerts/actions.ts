import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { ActionDefinition } from "@/lib/actions/core";
import { isUniqueViolation } from "@/lib/db";
import type { Database } from "@/lib/db";
import { alertChannels, alertRules } from "@/lib/db/schema";
import { AppError, FieldError } from "@/lib/errors";
import { storedChannel } from "./channels/config";
import { sendMessage } from "./channels/send";
import { deleteChannel as removeChannel, findChannel } from "./channels/store";
import type { ChannelView } from "./channels/store";
import { enqueueDeliveries, recordAttempt } from "./deliveries";
import { testMessage } from "./message";
import { alertRuntime } from "./runtime";
import type { AlertRuntime } from "./runtime";
import { byAlertSchema, byChannelSchema, byRuleSchema, createChannelSchema, createRuleSchema, updateChannelSchema, updateRuleSchema } from "./schemas";
import { acknowledgeAlert as markAcknowledged, closeRuleAlerts, findAlert, findRule } from "./store";
import type { AlertRow, RuleRow } from "./store";

// What admins change about alerting (rules and channels, each change audited) and what operators do about an
// alert (acknowledge it). The runtime (secrets' key, allowed destinations) comes from the settings unless a
// test hands its own.

let runtimeFor: () => AlertRuntime = alertRuntime;

/** Lets tests run the actions with their own key and destination policy. */
export function useAlertRuntime(runtime: (() => AlertRuntime) | null): void {
  runtimeFor = runtime ?? alertRuntime;
}

const nameTaken = (what: string) => ({ name: `Another ${what} already has this name.` });

async function checkChannels(db: Database, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await db.select({ id: alertChannels.id }).from(alertChannels).where(inArray(alertChannels.id, ids));
  if (found.length !== new Set(ids).size) throw new FieldError({ channelIds: "One of the chosen channels no longer exists. Reload and choose again." });
}

async function existingRule(db: Database, id: string): Promise<RuleRow> {
  const rule = await findRule(db, id);
  if (!rule) throw new AppError("not_found", "No alert rule with that id; it may have been deleted.", 404);
  return rule;
}

async function saving<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (isUniqueViolation(err)) throw new FieldError(nameTaken(what));
    throw err;
  }
}

export const createRule: ActionDefinition<typeof createRuleSchema, RuleRow> = {
  name: "alert_rule.create",
  permission: "alerts.manage",
  input: createRuleSchema,
  target: (input) => ({ type: "alert_rule", id: input.name, details: { kind: input.kind, enabled: input.enabled } }),
  resultTargetId: (rule) => rule.id,
  run: async ({ input, db, user }) => {
    await checkChannels(db, input.channelIds);
    const [rule] = await saving("rule", () =>
      db
        .insert(alertRules)
        .values({ ...input, updatedBy: user.email })
        .returning(),
    );
    if (!rule) throw new AppError("failed", "The rule was not saved.");
    return rule;
  },
};

export const updateRule: ActionDefinition<typeof updateRuleSchema, RuleRow> = {
  name: "alert_rule.update",
  permission: "alerts.manage",
  input: updateRuleSchema,
  target: (input) => ({
    type: "alert_rule",
    id: input.ruleId,
    details: { name: input.name, kind: input.kind, enabled: input.enabled, thresholds: JSON.stringify(input.params), channels: input.channelIds.length },
  }),
  run: async ({ input, db, user }) => {
    const previous = await existingRule(db, input.ruleId);
    await checkChannels(db, input.channelIds);
    const { ruleId, ...fields } = input;
    const rule = await saving("rule", () =>
      db.transaction(async (tx) => {
        const [saved] = await tx
          .update(alertRules)
          .set({ ...fields, updatedAt: new Date(), updatedBy: user.email })
          .where(eq(alertRules.id, ruleId))
          .returning();
        if (saved && previous.enabled && !saved.enabled) {
          // Told where the alerts were announced, even when the same save changes the rule's channels.
          const announced = { ...saved, channelIds: previous.channelIds };
          await closeRuleAlerts(tx, announced, `The rule was turned off by ${user.email}.`, runtimeFor().origin, Date.now());
        }
        return saved;
      }),
    );
    if (!rule) throw new AppError("not_found", "No alert rule with that id; it may have been deleted.", 404);
    return rule;
  },
};

/** Deletes a rule; its open alerts resolve with it, saying so in its channels. */
export const deleteRule: ActionDefinition<typeof byRuleSchema, { deleted: true }> = {
  name: "alert_rule.delete",
  permission: "alerts.manage",
  input: byRuleSchema,
  target: async (input, _user, db) => ({ type: "alert_rule", id: input.ruleId, details: { name: (await findRule(db, input.ruleId))?.name ?? "" } }),
  run: async ({ input, db, user }) => {
    const rule = await existingRule(db, input.ruleId);
    await db.transaction(async (tx) => {
      await closeRuleAlerts(tx, rule, `The rule was deleted by ${user.email}.`, runtimeFor().origin, Date.now());
      await tx.delete(alertRules).where(eq(alertRules.id, input.ruleId));
    });
    return { deleted: true };
  },
};

const viewOf = (row: typeof alertChannels.$inferSelect): Pick<ChannelView, "id" | "kind" | "name" | "hint"> => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  hint: row.hint,
});

/** Adds a channel; a generic webhook's signing secret is generated and returned this once. */
export const createChannel: ActionDefinition<
  typeof createChannelSchema,
  { channel: Pick<ChannelView, "id" | "kind" | "name" | "hint">; signingSecret: string | null }
> = {
  name: "alert_channel.create",
  permission: "alerts.manage",
  input: createChannelSchema,
  target: (input) => ({ type: "alert_channel", id: input.name, details: { kind: input.kind } }),
  resultTargetId: (data) => data.channel.id,
  run: async ({ input, db, user }) => {
    const { key, policy } = runtimeFor();
    const { channel, signingSecret } = await storedChannel(input, { key, policy });
    const [row] = await saving("channel", () =>
      db
        .insert(alertChannels)
        .values({ ...channel, updatedBy: user.email })
        .returning(),
    );
    if (!row) throw new AppError("failed", "The channel was not saved.");
    return { channel: viewOf(row), signingSecret };
  },
};

/** Changes a channel; secrets left empty are kept. */
export const updateChannel: ActionDefinition<
  typeof updateChannelSchema,
  { channel: Pick<ChannelView, "id" | "kind" | "name" | "hint">; signingSecret: string | null }
> = {
  name: "alert_channel.update",
  permission: "alerts.manage",
  input: updateChannelSchema,
  target: (input) => ({ type: "alert_channel", id: input.channelId, details: { name: input.name, kind: input.kind } }),
  run: async ({ input, db, user }) => {
    const previous = await findChannel(db, input.channelId);
    if (!previous) throw new AppError("not_found", "No alert channel with that id; it may have been deleted.", 404);
    if (previous.kind !== input.kind) throw new FieldError({ kind: "A channel keeps its kind. Add a new channel instead." });
    const { key, policy } = runtimeFor();
    const { channel, signingSecret } = await storedChannel(input, { key, policy, previous });
    const [row] = await saving("channel", () =>
      db
        .update(alertChannels)
        .set({ ...channel, updatedAt: new Date(), updatedBy: user.email })
        .where(eq(alertChannels.id, input.channelId))
        .returning(),
    );
    if (!row) throw new AppError("not_found", "No alert channel with that id; it may have been deleted.", 404);
    return { channel: viewOf(row), signingSecret };
  },
};

export const deleteChannel: ActionDefinition<typeof byChannelSchema, { deleted: true }> = {
  name: "alert_channel.delete",
  permission: "alerts.manage",
  input: byChannelSchema,
  target: async (input, _user, db) => ({ type: "alert_channel", id: input.channelId, details: { name: (await findChannel(db, input.channelId))?.name ?? "" } }),
  run: async ({ input, db }) => {
    if (!(await removeChannel(db, input.channelId))) throw new AppError("not_found", "No alert channel with that id; it may have been deleted.", 404);
    return { deleted: true };
  },
};

/** Sends a test message to a channel now, once, and says how it went; it is in the channel's delivery log too. */
export const testChannel: ActionDefinition<typeof byChannelSchema, { delivered: true; status: number | null }> = {
  name: "alert_channel.test",
  permission: "alerts.manage",
  input: byChannelSchema,
  target: async (input, _user, db) => ({ type: "alert_channel", id: input.channelId, details: { name: (await findChannel(db, input.channelId))?.name ?? "" } }),
  run: async ({ input, db, user }) => {
    const channel = await findChannel(db, input.channelId);
    if (!channel) throw new AppError("not_found", "No alert channel with that id; it may have been deleted.", 404);
    const { key, policy } = runtimeFor();
    const now = Date.now();
    // Claimed by this request, so the delivery worker leaves the row alone while the test is under way.
    const message = testMessage(channel.name, user.email);
    const [row] = await enqueueDeliveries(db, { alertId: null, channelIds: [channel.id], event: "test", message, now, claimedUntil: new Date(now + 60_000) });
    if (!row) throw new AppError("failed", "The test was not queued.");
    const result = await sendMessage(channel, row.payload, { key, policy, deliveryId: row.id, createdAt: now });
    await recordAttempt(db, row, result, Date.now());
    if (!result.ok) throw new AppError("channel_failed", `The test did not arrive. ${result.error}`, 502);
    return { delivered: true, status: result.status };
  },
};

/** Acknowledges an open alert: someone is on it, so no more reminders; who and when are kept and audited. */
export const acknowledgeAlert: ActionDefinition<typeof byAlertSchema, AlertRow> = {
  name: "alert.acknowledge",
  permission: "alerts.acknowledge",
  input: byAlertSchema,
  target: async (input, _user, db) => {
    const alert = await findAlert(db, input.alertId);
    return { type: "alert", id: input.alertId, details: { rule: alert?.ruleName ?? "", subject: alert ? `${alert.subjectType}:${alert.subjectId}` : "" } };
  },
  run: async ({ input, db, user }) => {
    const alert = await findAlert(db, input.alertId);
    if (!alert || alert.openedAt === null) throw new AppError("not_found", "No alert with that id.", 404);
    if (alert.resolvedAt) throw new AppError("resolved", "This alert has already resolved; there is nothing to acknowledge.", 409);
    if (alert.acknowledgedAt) return alert;
    return (await markAcknowledged(db, alert.id, user.email, Date.now())) ?? alert;
  },
};
