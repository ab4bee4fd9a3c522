// Shared with the browser on purpose (no "server-only"): the rule form draws its fields from these
// descriptions, and the server checks the same bounds. It holds no secret.

/** What a rule watches. */
export const ruleKinds = ["host_absent", "audience_drop", "no_host_streaming", "call_failures", "sendbird_failing", "sync_stalled"] as const;
export type RuleKind = (typeof ruleKinds)[number];

/** What an alert is about: one live event, the direct calls as a whole, or the console itself. */
export type SubjectType = "live_event" | "calls" | "console";

export interface ParamSpec {
  name: string;
  label: string;
  /** The unit shown after the field. */
  unit: string;
  min: number;
  max: number;
  fallback: number;
}

export interface KindSpec {
  /** What the rule watches, as a sentence with its thresholds in braces, e.g. `{seconds}`. */
  sentence: string;
  subject: SubjectType;
  params: readonly ParamSpec[];
}

const seconds = (fallback: number): ParamSpec => ({ name: "seconds", label: "For longer than", unit: "seconds", min: 0, max: 86_400, fallback });
const minutes = (fallback: number, label = "For longer than"): ParamSpec => ({ name: "minutes", label, unit: "minutes", min: 1, max: 1440, fallback });
const percent = (fallback: number, label: string): ParamSpec => ({ name: "percent", label, unit: "%", min: 1, max: 100, fallback });

export const kinds: Record<RuleKind, KindSpec> = {
  host_absent: {
    sentence: "A host of an on-air event is disconnected, or no host is there, for longer than {seconds} seconds.",
    subject: "live_event",
    params: [seconds(60)],
  },
  audience_drop: {
    sentence: "The audience of an on-air event falls by more than {percent} % within {minutes} minutes (from at least {minAudience} people).",
    subject: "live_event",
    params: [
      percent(50, "Falls by more than"),
      minutes(5, "Within"),
      { name: "minAudience", label: "Only from an audience of at least", unit: "people", min: 1, max: 1_000_000, fallback: 20 },
    ],
  },
  no_host_streaming: {
    sentence: "An event is on air with no host streaming for longer than {seconds} seconds.",
    subject: "live_event",
    params: [seconds(120)],
  },
  call_failures: {
    sentence: "More than {percent} % of the direct calls of the last hour ended badly (dropped, timed out, unknown), out of at least {minCalls} calls.",
    subject: "calls",
    params: [percent(20, "More than"), { name: "minCalls", label: "Out of at least", unit: "calls", min: 1, max: 100_000, fallback: 20 }],
  },
  sendbird_failing: {
    sentence: "Sendbird refuses or fails the console's requests (429, 5xx, a rejected token) for longer than {minutes} minutes.",
    subject: "console",
    params: [minutes(5)],
  },
  sync_stalled: {
    sentence: "The activity sync has not finished a pass for {minutes} minutes.",
    subject: "console",
    params: [minutes(30)],
  },
};

export const kindNames: Record<RuleKind, string> = {
  host_absent: "Host off air",
  audience_drop: "Audience crash",
  no_host_streaming: "Nobody streaming",
  call_failures: "Calls failing",
  sendbird_failing: "Sendbird failing",
  sync_stalled: "Sync stalled",
};

export function isRuleKind(value: string): value is RuleKind {
  return (ruleKinds as readonly string[]).includes(value);
}

/** A rule's sentence with its thresholds written in. */
export function describeRule(kind: RuleKind, params: Record<string, number>): string {
  const spec = kinds[kind];
  return spec.sentence.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name] ?? spec.params.find((p) => p.name === name)?.fallback ?? 0;
    return value.toLocaleString("en-US");
  });
}
