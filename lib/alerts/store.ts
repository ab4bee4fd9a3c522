import "server-only";
import { and, desc, eq, gte, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { alertRules, alerts } from "@/lib/db/schema";
import { enqueueDeliveries } from "./deliveries";
import type { Rule, Step, StoredAlert } from "./evaluate";
import { isRuleKind } from "./kinds";
import type { RuleKind } from "./kinds";
import { alertMessage } from "./message";
import type { AlertFacts } from "./message";

// Rules and alerts as the database keeps them: what the evaluator reads and writes, and what pages list.

export type RuleRow = typeof alertRules.$inferSelect;
export type AlertRow = typeof alerts.$inferSelect;

const ms = (d: Date | null) => (d === null ? null : d.getTime());

/** Every rule, in the order they were made. */
export async function listRules(db: Database): Promise<RuleRow[]> {
  return db.select().from(alertRules).orderBy(alertRules.createdAt, alertRules.name);
}

export async function findRule(db: Database, id: string): Promise<RuleRow | null> {
  const [row] = await db.select().from(alertRules).where(eq(alertRules.id, id));
  return row ?? null;
}

export function toRule(r: RuleRow): Rule {
  return { id: r.id, kind: r.kind, name: r.name, enabled: r.enabled, params: r.params, remindMinutes: r.remindMinutes };
}

/** Alerts not yet resolved, pending or open. */
export async function unresolvedAlerts(db: Database): Promise<StoredAlert[]> {
  const rows = await db.select().from(alerts).where(isNull(alerts.resolvedAt));
  return rows.map((a) => ({
    id: a.id,
    ruleId: a.ruleId,
    subjectType: a.subjectType,
    subjectId: a.subjectId,
    since: a.since.getTime(),
    openedAt: ms(a.openedAt),
    lastNotifiedAt: ms(a.lastNotifiedAt),
    acknowledgedAt: ms(a.acknowledgedAt),
    details: a.details,
  }));
}

function facts(a: AlertRow): AlertFacts {
  return {
    id: a.id,
    ruleId: a.ruleId,
    ruleName: a.ruleName,
    kind: (isRuleKind(a.kind) ? a.kind : "host_absent") satisfies RuleKind,
    subjectType: a.subjectType,
    subjectId: a.subjectId,
    subjectLabel: a.subjectLabel,
    summary: a.summary,
    since: a.since.getTime(),
    openedAt: ms(a.openedAt),
    resolvedAt: ms(a.resolvedAt),
    acknowledgedBy: a.acknowledgedBy,
  };
}

/** What applying a round's steps changed, for the log and the tests. */
export interface Applied {
  opened: number;
  reminded: number;
  resolved: number;
}

/**
 * Writes a round's steps (lib/alerts/evaluate.ts `plan`) and queues the messages they call for to each of
 * the rule's channels, in the caller's transaction, so an alert and its deliveries are stored together or
 * not at all.
 */
export async function applySteps(tx: Database, steps: Step[], rules: RuleRow[], origin: string, now: number): Promise<Applied> {
  const byId = new Map(rules.map((r) => [r.id, r]));
  const at = new Date(now);
  const applied: Applied = { opened: 0, reminded: 0, resolved: 0 };
  for (const step of steps) {
    if (step.type === "drop") {
      await tx.delete(alerts).where(and(eq(alerts.id, step.alertId), isNull(alerts.openedAt)));
      continue;
    }
    if (step.type === "resolve") {
      const [row] = await tx
        .update(alerts)
        .set({ resolvedAt: at, details: sql`${alerts.details} || ${JSON.stringify({ resolution: step.reason })}::jsonb` })
        .where(and(eq(alerts.id, step.alertId), isNull(alerts.resolvedAt)))
        .returning();
      const rule = row ? byId.get(row.ruleId) : undefined;
      if (row && rule && step.notify) {
        await enqueueDeliveries(tx, {
          alertId: row.id,
          channelIds: rule.channelIds,
          event: "resolved",
          message: alertMessage("resolved", facts(row), origin, step.reason),
          now,
        });
      }
      if (row) applied.resolved += 1;
      continue;
    }
    const f = step.finding;
    const rule = byId.get(f.ruleId);
    if (!rule) continue;
    const fields = { subjectLabel: f.subjectLabel, summary: f.summary, details: f.details, since: new Date(f.since) };
    let row: AlertRow | undefined;
    const storedId = step.type === "pend" ? null : step.alertId;
    if (storedId === null) {
      const opened = step.type === "open" ? { openedAt: at, lastNotifiedAt: at } : {};
      [row] = await tx
        .insert(alerts)
        .values({ ruleId: rule.id, kind: rule.kind, ruleName: rule.name, subjectType: f.subjectType, subjectId: f.subjectId, ...fields, ...opened })
        .onConflictDoNothing()
        .returning();
    } else {
      const opened = step.type === "open" ? { openedAt: at, lastNotifiedAt: at } : step.type === "remind" ? { lastNotifiedAt: at } : {};
      [row] = await tx
        .update(alerts)
        .set({ ...fields, ruleName: rule.name, ...opened })
        .where(and(eq(alerts.id, storedId), isNull(alerts.resolvedAt)))
        .returning();
    }
    if (!row || (step.type !== "open" && step.type !== "remind")) continue;
    const event = step.type === "open" ? "opened" : "reminder";
    await enqueueDeliveries(tx, { alertId: row.id, channelIds: rule.channelIds, event, message: alertMessage(event, facts(row), origin), now });
    if (step.type === "open") applied.opened += 1;
    else applied.reminded += 1;
  }
  return applied;
}

/**
 * Resolves a rule's alerts as an admin turns it off or deletes it, in the caller's transaction: open ones say
 * why in the rule's channels, pending ones go. An evaluator round under way finds them resolved and leaves them.
 */
export async function closeRuleAlerts(tx: Database, rule: RuleRow, reason: string, origin: string, now: number): Promise<Applied> {
  const steps: Step[] = (await unresolvedAlerts(tx))
    .filter((a) => a.ruleId === rule.id)
    .map((a) => (a.openedAt === null ? { type: "drop", alertId: a.id } : { type: "resolve", alertId: a.id, reason, notify: true }));
  return applySteps(tx, steps, [rule], origin, now);
}

/** Open alerts (newest first), then alerts resolved since `resolvedSince`, newest first; pending ones are not shown. */
export async function listAlerts(db: Database, { resolvedSince, limit = 200 }: { resolvedSince: number; limit?: number }): Promise<AlertRow[]> {
  return db
    .select()
    .from(alerts)
    .where(and(isNotNull(alerts.openedAt), or(isNull(alerts.resolvedAt), gte(alerts.resolvedAt, new Date(resolvedSince)))))
    .orderBy(sql`${alerts.resolvedAt} is not null`, desc(alerts.openedAt))
    .limit(limit);
}

/** The open alerts about some subjects (the events on a board, one event), newest first. */
export async function openAlertsFor(db: Database, subjectType: string, subjectIds: string[]): Promise<AlertRow[]> {
  if (subjectIds.length === 0) return [];
  return db
    .select()
    .from(alerts)
    .where(and(eq(alerts.subjectType, subjectType), inArray(alerts.subjectId, subjectIds), isNotNull(alerts.openedAt), isNull(alerts.resolvedAt)))
    .orderBy(desc(alerts.openedAt));
}

export async function findAlert(db: Database, id: string): Promise<AlertRow | null> {
  const [row] = await db.select().from(alerts).where(eq(alerts.id, id));
  return row ?? null;
}

/** Marks an open alert acknowledged (no more reminders); an alert already acknowledged keeps its first acknowledgement. */
export async function acknowledgeAlert(db: Database, id: string, by: string, now: number): Promise<AlertRow | null> {
  const [row] = await db
    .update(alerts)
    .set({ acknowledgedAt: new Date(now), acknowledgedBy: by })
    .where(and(eq(alerts.id, id), isNotNull(alerts.openedAt), isNull(alerts.acknowledgedAt)))
    .returning();
  return row ?? null;
}

/** An open alert in brief, for the on-air board's cards and an event's page. */
export interface OpenAlertBrief {
  id: string;
  ruleName: string;
  summary: string;
  acknowledged: boolean;
}

/** The open alerts about some subjects in brief, by subject id. */
export async function openAlertBriefs(db: Database, subjectType: string, subjectIds: string[]): Promise<Map<string, OpenAlertBrief[]>> {
  const out = new Map<string, OpenAlertBrief[]>();
  for (const a of await openAlertsFor(db, subjectType, subjectIds)) {
    out.set(a.subjectId, [...(out.get(a.subjectId) ?? []), { id: a.id, ruleName: a.ruleName, summary: a.summary, acknowledged: a.acknowledgedAt !== null }]);
  }
  return out;
}
