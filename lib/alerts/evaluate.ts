import type { AudienceSample } from "@/lib/activity/samples";
import { duration } from "@/lib/format";
import type { LiveEventDto } from "@/lib/sendbird/dto";
import { isRuleKind } from "./kinds";
import type { RuleKind, SubjectType } from "./kinds";

// The alert evaluator's judgement, free of I/O: what the rules find in one round's observations, and how
// that changes the alerts already stored. lib/alerts/evaluator.ts gathers the observations and applies the steps.

export interface Rule {
  id: string;
  kind: string;
  name: string;
  enabled: boolean;
  params: Record<string, number>;
  remindMinutes: number;
}

/** An alert not yet resolved, as stored: pending (`openedAt` null) or open. */
export interface StoredAlert {
  id: string;
  ruleId: string;
  subjectType: string;
  subjectId: string;
  since: number;
  openedAt: number | null;
  lastNotifiedAt: number | null;
  acknowledgedAt: number | null;
  details: Record<string, string | number | boolean | null>;
}

export type OnAirEvent = Pick<LiveEventDto, "id" | "title" | "state" | "participantCount" | "isHostStreaming" | "startedAt" | "hosts">;

/** What one round knows. A part that is null was not read this round, so the alerts that hang on it stay as they are. */
export interface Observations {
  now: number;
  /** The events on air, as the audience sampler just read them. */
  onAir: OnAirEvent[] | null;
  /** Audience samples of those events over the longest audience-drop window. */
  audiences: Map<string, AudienceSample[]>;
  /** Direct calls that started in the last hour and have ended, and how many of them ended badly. */
  calls: { ended: number; bad: number } | null;
  /** Since when Sendbird has refused or failed every request of the console (null: it answers), and how. */
  sendbird: { failingSince: number | null; reason: string | null } | null;
  /** The activity sync's last finished pass; null when the sync is off. */
  sync: { lastFinishedAt: number | null; runningSince: number } | null;
}

/** A condition found for one subject this round. */
export interface Finding {
  ruleId: string;
  subjectType: SubjectType;
  subjectId: string;
  subjectLabel: string;
  since: number;
  summary: string;
  details: Record<string, string | number | boolean | null>;
}

export type Step =
  | { type: "pend"; finding: Finding }
  | { type: "open"; finding: Finding; alertId: string | null }
  | { type: "update"; alertId: string; finding: Finding }
  | { type: "remind"; alertId: string; finding: Finding }
  | { type: "drop"; alertId: string }
  | { type: "resolve"; alertId: string; reason: string; notify: boolean };

/** A stretch of time in words, for summaries: under a second is "a moment". */
const span = (ms: number) => (ms < 1000 ? "a moment" : duration(ms));
const ago = (ms: number) => (ms < 1000 ? "moments ago" : `${duration(ms)} ago`);

const key = (ruleId: string, subjectType: string, subjectId: string) => `${ruleId}\u0000${subjectType}\u0000${subjectId}`;
const param = (rule: Rule, name: string, fallback: number) => rule.params[name] ?? fallback;

/** How long a condition must last before its alert opens. */
export function holdMs(rule: Rule): number {
  if (rule.kind === "host_absent" || rule.kind === "no_host_streaming") return param(rule, "seconds", 60) * 1000;
  if (rule.kind === "sendbird_failing") return param(rule, "minutes", 5) * 60_000;
  return 0;
}

function hostAbsence(rule: Rule, e: OnAirEvent, now: number): Finding | null {
  const present = e.hosts.filter((h) => h.state !== "exited" && h.exitedAt === null);
  const dropped = present.filter((h) => h.state === "disconnected");
  const base = { ruleId: rule.id, subjectType: "live_event" as const, subjectId: e.id, subjectLabel: e.title };
  if (dropped.length > 0) {
    const since = Math.min(...dropped.map((h) => h.disconnectedAt ?? now));
    const who = dropped.map((h) => h.userId).join(", ");
    return {
      ...base,
      since,
      summary: `${dropped.length === 1 ? "Host" : "Hosts"} ${who} disconnected from “${e.title || e.id}” ${ago(now - since)}.`,
      details: { hosts: who, participants: e.participantCount },
    };
  }
  if (present.length === 0) {
    const exits = e.hosts.map((h) => h.exitedAt ?? 0);
    const since = Math.max(e.startedAt ?? 0, ...exits) || now;
    return {
      ...base,
      since,
      summary: `“${e.title || e.id}” is on air with no host for ${span(now - since)}.`,
      details: { hosts: "", participants: e.participantCount },
    };
  }
  return null;
}

function audienceDrop(rule: Rule, e: OnAirEvent, samples: AudienceSample[], now: number, stored: StoredAlert | undefined): Finding | null {
  const percent = param(rule, "percent", 50);
  const windowMs = param(rule, "minutes", 5) * 60_000;
  const current = e.participantCount;
  // An open alert holds until the audience is back above the mark it fell through, so it does not resolve
  // merely because its peak has left the window.
  const heldPeak = typeof stored?.details.peak === "number" ? stored.details.peak : null;
  const inWindow = samples.filter((s) => s.at >= now - windowMs && s.at <= now);
  const peak = heldPeak ?? Math.max(0, ...inWindow.map((s) => s.participantCount));
  if (heldPeak === null && peak < param(rule, "minAudience", 20)) return null;
  if (peak <= 0 || ((peak - current) / peak) * 100 <= percent) return null;
  const fell = Math.round(((peak - current) / peak) * 100);
  return {
    ruleId: rule.id,
    subjectType: "live_event",
    subjectId: e.id,
    subjectLabel: e.title,
    since: stored?.since ?? now,
    summary: `The audience of “${e.title || e.id}” fell ${fell} %, from ${peak.toLocaleString("en-US")} to ${current.toLocaleString("en-US")}.`,
    details: { peak, participants: current, fell_percent: fell },
  };
}

function eventFindings(rule: Rule, kind: RuleKind, obs: Observations, events: OnAirEvent[], stored: Map<string, StoredAlert>): Finding[] {
  const out: Finding[] = [];
  for (const e of events) {
    if (e.state !== "ongoing") continue;
    let found: Finding | null = null;
    if (kind === "host_absent") found = hostAbsence(rule, e, obs.now);
    else if (kind === "audience_drop") found = audienceDrop(rule, e, obs.audiences.get(e.id) ?? [], obs.now, stored.get(key(rule.id, "live_event", e.id)));
    else if (kind === "no_host_streaming" && !e.isHostStreaming) {
      const since = stored.get(key(rule.id, "live_event", e.id))?.since ?? obs.now;
      found = {
        ruleId: rule.id,
        subjectType: "live_event",
        subjectId: e.id,
        subjectLabel: e.title,
        since,
        summary: `“${e.title || e.id}” is on air with no host streaming for ${span(obs.now - since)}.`,
        details: { participants: e.participantCount },
      };
    }
    if (found) out.push(found);
  }
  return out;
}

/**
 * What one rule finds this round, or null when the round could not judge it (its observations were not
 * read), so its alerts stay as they are rather than resolving for want of data.
 */
export function ruleFindings(rule: Rule, obs: Observations, stored: Map<string, StoredAlert>): Finding[] | null {
  if (!isRuleKind(rule.kind)) return null;
  const kind = rule.kind;
  const now = obs.now;
  if (kind === "host_absent" || kind === "audience_drop" || kind === "no_host_streaming") {
    return obs.onAir ? eventFindings(rule, kind, obs, obs.onAir, stored) : null;
  }
  if (kind === "call_failures") {
    if (!obs.calls) return null;
    const { ended, bad } = obs.calls;
    const share = ended > 0 ? (bad / ended) * 100 : 0;
    if (ended < param(rule, "minCalls", 20) || share <= param(rule, "percent", 20)) return [];
    const since = stored.get(key(rule.id, "calls", "direct-calls"))?.since ?? now;
    return [
      {
        ruleId: rule.id,
        subjectType: "calls",
        subjectId: "direct-calls",
        subjectLabel: "Direct calls",
        since,
        summary: `${Math.round(share)} % of the direct calls of the last hour ended badly (${bad} of ${ended}).`,
        details: { ended, bad, percent: Math.round(share) },
      },
    ];
  }
  if (kind === "sendbird_failing") {
    if (!obs.sendbird) return null;
    const { failingSince, reason } = obs.sendbird;
    if (failingSince === null) return [];
    return [
      {
        ruleId: rule.id,
        subjectType: "console",
        subjectId: "sendbird",
        subjectLabel: "Sendbird's API",
        since: failingSince,
        summary: `Sendbird has refused or failed every request of the console for ${span(now - failingSince)}${reason ? ` (${reason})` : ""}.`,
        details: { reason },
      },
    ];
  }
  if (!obs.sync) return null;
  const since = obs.sync.lastFinishedAt ?? obs.sync.runningSince;
  if (now - since <= param(rule, "minutes", 30) * 60_000) return [];
  const never = obs.sync.lastFinishedAt === null;
  return [
    {
      ruleId: rule.id,
      subjectType: "console",
      subjectId: "activity-sync",
      subjectLabel: "Activity sync",
      since,
      summary: never
        ? `The activity sync has not finished a pass in the ${span(now - since)} since the console started.`
        : `The activity sync last finished a pass ${ago(now - since)}.`,
      details: { last_finished_at: obs.sync.lastFinishedAt === null ? null : new Date(obs.sync.lastFinishedAt).toISOString() },
    },
  ];
}

/**
 * The steps that bring the stored alerts in line with this round's findings: a new condition pends until it
 * has lasted its rule's duration, then opens (notified once); an open alert is reminded of at most every
 * `remindMinutes` until acknowledged; a condition that clears drops its pending row or resolves its alert
 * (notified); a rule turned off or deleted resolves its alerts.
 */
export function plan(rules: Rule[], obs: Observations, unresolved: StoredAlert[]): Step[] {
  const now = obs.now;
  const stored = new Map(unresolved.map((a) => [key(a.ruleId, a.subjectType, a.subjectId), a]));
  const byId = new Map(rules.map((r) => [r.id, r]));
  const steps: Step[] = [];
  const judged = new Set<string>();
  const seen = new Set<string>();
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const found = ruleFindings(rule, obs, stored);
    if (found === null) continue;
    judged.add(rule.id);
    for (const finding of found) {
      const k = key(finding.ruleId, finding.subjectType, finding.subjectId);
      seen.add(k);
      const existing = stored.get(k);
      const since = Math.min(finding.since, existing?.since ?? finding.since);
      const f = { ...finding, since };
      const due = now - since >= holdMs(rule);
      if (!existing) steps.push(due ? { type: "open", finding: f, alertId: null } : { type: "pend", finding: f });
      else if (existing.openedAt === null)
        steps.push(due ? { type: "open", finding: f, alertId: existing.id } : { type: "update", alertId: existing.id, finding: f });
      else {
        const last = existing.lastNotifiedAt ?? existing.openedAt;
        const remind = rule.remindMinutes > 0 && existing.acknowledgedAt === null && now - last >= rule.remindMinutes * 60_000;
        steps.push({ type: remind ? "remind" : "update", alertId: existing.id, finding: f });
      }
    }
  }
  for (const a of unresolved) {
    const k = key(a.ruleId, a.subjectType, a.subjectId);
    if (seen.has(k)) continue;
    const rule = byId.get(a.ruleId);
    const gone = !rule || !rule.enabled;
    if (!gone && !judged.has(a.ruleId)) continue;
    if (a.openedAt === null) {
      steps.push({ type: "drop", alertId: a.id });
      continue;
    }
    const offAir = a.subjectType === "live_event" && obs.onAir !== null && !obs.onAir.some((e) => e.id === a.subjectId);
    const reason = gone ? (rule ? "The rule was turned off." : "The rule was deleted.") : offAir ? "The event is no longer on air." : "The condition cleared.";
    // A deleted rule's channels are gone with it; a rule turned off still names them.
    steps.push({ type: "resolve", alertId: a.id, reason, notify: rule !== undefined });
  }
  return steps;
}
