import { kindNames } from "./kinds";
import type { RuleKind } from "./kinds";

// What a channel receives about an alert, built once when the delivery is queued and stored with it, so a
// retry sends the same words and the delivery log shows what went out. It never holds a secret.

export type DeliveryEvent = "opened" | "reminder" | "resolved" | "test";

export interface AlertFacts {
  id: string;
  ruleId: string;
  ruleName: string;
  kind: RuleKind;
  subjectType: string;
  subjectId: string;
  subjectLabel: string;
  summary: string;
  since: number;
  openedAt: number | null;
  resolvedAt: number | null;
  acknowledgedBy: string | null;
}

/** The payload of one delivery: the webhook body's `alert` and `text`, and what Slack and e-mail are written from. */
export interface AlertMessage {
  type: `alert.${DeliveryEvent}`;
  /** One line for people: Slack's text, the e-mail's first line. */
  text: string;
  /** The e-mail's subject. */
  title: string;
  alert: {
    id: string;
    rule: { id: string; name: string; kind: string };
    subject: { type: string; id: string; label: string; url: string };
    summary: string;
    since: string;
    opened_at: string | null;
    resolved_at: string | null;
    acknowledged_by: string | null;
    url: string;
  } | null;
}

/** The console page about an alert's subject: the event, the calls overview, or the page that shows the console's health. */
export function subjectPath(subjectType: string, subjectId: string): string {
  if (subjectType === "live_event") return `/live-events/${encodeURIComponent(subjectId)}`;
  if (subjectType === "calls") return "/calls";
  if (subjectId === "activity-sync") return "/sync";
  return "/alerts";
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

const lead: Record<Exclude<DeliveryEvent, "test">, string> = { opened: "Alert", reminder: "Still open", resolved: "Resolved" };

/** The message for an alert that opened, is still open, or resolved (with why), linking into the console at `origin`. */
export function alertMessage(event: Exclude<DeliveryEvent, "test">, a: AlertFacts, origin: string, reason = ""): AlertMessage {
  const url = `${origin}${subjectPath(a.subjectType, a.subjectId)}`;
  const name = a.ruleName || kindNames[a.kind];
  const about = a.subjectLabel ? ` — ${a.subjectLabel}` : "";
  const words = event === "resolved" ? `${reason || "The condition cleared."} Was: ${a.summary}` : a.summary;
  return {
    type: `alert.${event}`,
    title: `${lead[event]}: ${name}${about}`,
    text: `${lead[event]}: ${name}. ${words}`,
    alert: {
      id: a.id,
      rule: { id: a.ruleId, name, kind: a.kind },
      subject: { type: a.subjectType, id: a.subjectId, label: a.subjectLabel, url },
      summary: a.summary,
      since: new Date(a.since).toISOString(),
      opened_at: iso(a.openedAt),
      resolved_at: iso(a.resolvedAt),
      acknowledged_by: a.acknowledgedBy,
      url: `${origin}/alerts`,
    },
  };
}

/** The message "Send a test" sends. */
export function testMessage(channelName: string, by: string): AlertMessage {
  return {
    type: "alert.test",
    title: `Test from Showrunner: ${channelName}`,
    text: `Test from Showrunner: ${by} checked that alerts reach “${channelName}”. Nothing is wrong.`,
    alert: null,
  };
}
