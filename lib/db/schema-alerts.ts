// The alerting tables (lib/alerts): rules, channels, alerts and their deliveries. lib/db/schema.ts re-exports
// them, so the migrations and the client see one schema.
import { sql } from "drizzle-orm";
import { bigserial, boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

import type { AlertMessage } from "../alerts/message";

/**
 * What the console alerts on: one rule of a kind (lib/alerts/kinds.ts) with its thresholds, and the channels
 * it notifies. The first rules come with the migration that made the table, so they exist once per database
 * and an admin who deletes them does not get them back.
 */
export const alertRules = pgTable(
  "alert_rules",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    /** The kind's thresholds by name (seconds, percent, minutes…), validated by the kind's schema. */
    params: jsonb("params").$type<Record<string, number>>().notNull(),
    channelIds: jsonb("channel_ids").$type<string[]>().notNull().default([]),
    /** Minutes between reminders while an alert stays open and unacknowledged; 0: never remind. */
    remindMinutes: integer("remind_minutes").notNull().default(30),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedBy: text("updated_by").notNull().default(""),
  },
  (t) => [uniqueIndex("alert_rules_name").on(sql`lower(${t.name})`)],
);

/**
 * Where alerts go. `config` holds what may be shown (a webhook's address, an SMTP server); `secret` the
 * rest (a Slack webhook address, a signing secret, an SMTP password), encrypted (lib/alerts/secrets.ts), and
 * `hint` its masked form for the page.
 */
export const alertChannels = pgTable(
  "alert_channels",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    config: jsonb("config").$type<Record<string, unknown>>().notNull().default({}),
    secret: text("secret").notNull(),
    hint: text("hint").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedBy: text("updated_by").notNull().default(""),
  },
  (t) => [uniqueIndex("alert_channels_name").on(sql`lower(${t.name})`), check("alert_channels_kind", sql`${t.kind} in ('slack', 'webhook', 'email')`)],
);

/**
 * A condition a rule found, for one subject (an event, the calls, the console). Pending while it has not
 * lasted the rule's duration (`opened_at` null; dropped if it clears), open once notified, resolved when it
 * clears. One unresolved row per rule and subject, so a restart finds it and neither loses nor repeats it.
 */
export const alerts = pgTable(
  "alerts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ruleId: uuid("rule_id").notNull(),
    kind: text("kind").notNull(),
    ruleName: text("rule_name").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id").notNull(),
    /** The subject in words when the alert last changed (an event's title). */
    subjectLabel: text("subject_label").notNull().default(""),
    /** When the condition began, as far as the console can tell. */
    since: timestamp("since", { withTimezone: true, mode: "date" }).notNull(),
    openedAt: timestamp("opened_at", { withTimezone: true, mode: "date" }),
    lastNotifiedAt: timestamp("last_notified_at", { withTimezone: true, mode: "date" }),
    resolvedAt: timestamp("resolved_at", { withTimezone: true, mode: "date" }),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true, mode: "date" }),
    acknowledgedBy: text("acknowledged_by"),
    /** One sentence: what is wrong, with the figures. */
    summary: text("summary").notNull().default(""),
    details: jsonb("details").$type<Record<string, string | number | boolean | null>>().notNull().default({}),
  },
  (t) => [
    uniqueIndex("alerts_one_unresolved")
      .on(t.ruleId, t.subjectType, t.subjectId)
      .where(sql`${t.resolvedAt} is null`),
    index("alerts_opened_at").on(t.openedAt),
    index("alerts_subject").on(t.subjectType, t.subjectId),
  ],
);

/**
 * One message to one channel (an alert opened, a reminder, a resolution, a test) and how its sending went.
 * Pending rows are sent by whichever instance claims them first (`claimed_until`), retried with back-off.
 */
export const alertDeliveries = pgTable(
  "alert_deliveries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    alertId: uuid("alert_id"),
    channelId: uuid("channel_id").notNull(),
    channelName: text("channel_name").notNull(),
    event: text("event").notNull(),
    /** The message as sent (lib/alerts/message.ts), never a secret. */
    payload: jsonb("payload").$type<AlertMessage>().notNull(),
    status: text("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true, mode: "date" }).notNull(),
    claimedUntil: timestamp("claimed_until", { withTimezone: true, mode: "date" }),
    /** The receiver's HTTP status on the last attempt, when there was one. */
    lastStatus: integer("last_status"),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    index("alert_deliveries_due").on(t.status, t.nextAttemptAt),
    index("alert_deliveries_created").on(t.createdAt),
    check("alert_deliveries_status", sql`${t.status} in ('pending', 'delivered', 'failed')`),
    check("alert_deliveries_event", sql`${t.event} in ('opened', 'reminder', 'resolved', 'test')`),
  ],
);
