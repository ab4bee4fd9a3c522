import { describe, expect, test } from "vitest";
import type { HostDto } from "@/lib/sendbird/dto";
import { plan, ruleFindings } from "./evaluate";
import type { Observations, OnAirEvent, Rule, StoredAlert } from "./evaluate";

const t0 = Date.UTC(2026, 11, 3, 20, 0, 0);

const rule = (kind: string, params: Record<string, number>, extra: Partial<Rule> = {}): Rule => ({
  id: `rule-${kind}`,
  kind,
  name: kind,
  enabled: true,
  params,
  remindMinutes: 30,
  ...extra,
});

function host(state: HostDto["state"], times: Partial<Pick<HostDto, "connectedAt" | "disconnectedAt" | "exitedAt">> = {}): HostDto {
  return {
    hostId: `h-${state}`,
    userId: `user-${state}`,
    nickname: "",
    profileUrl: "",
    state,
    streamType: "webrtc",
    enteredAt: t0 - 600_000,
    connectedAt: times.connectedAt ?? t0 - 600_000,
    disconnectedAt: times.disconnectedAt ?? null,
    exitedAt: times.exitedAt ?? null,
    durationMs: 0,
    audioOn: true,
    videoOn: true,
  };
}

const event = (hosts: HostDto[], extra: Partial<OnAirEvent> = {}): OnAirEvent => ({
  id: "ev-1",
  title: "Chef's table",
  state: "ongoing",
  participantCount: 100,
  isHostStreaming: true,
  startedAt: t0 - 3_600_000,
  hosts,
  ...extra,
});

const observed = (extra: Partial<Observations> = {}): Observations => ({
  now: t0,
  onAir: [],
  audiences: new Map(),
  calls: null,
  sendbird: { failingSince: null, reason: null },
  sync: null,
  ...extra,
});

const stored = (extra: Partial<StoredAlert>): StoredAlert => ({
  id: "alert-1",
  ruleId: "rule-host_absent",
  subjectType: "live_event",
  subjectId: "ev-1",
  since: t0 - 120_000,
  openedAt: t0 - 60_000,
  lastNotifiedAt: t0 - 60_000,
  acknowledgedAt: null,
  details: {},
  ...extra,
});

describe("the host rule", () => {
  const hostRule = rule("host_absent", { seconds: 60 });

  test("finds a disconnected host, since the moment Sendbird says it dropped", () => {
    const obs = observed({ onAir: [event([host("disconnected", { disconnectedAt: t0 - 90_000 })])] });
    const [found] = ruleFindings(hostRule, obs, new Map()) ?? [];
    expect(found).toMatchObject({ subjectId: "ev-1", since: t0 - 90_000 });
    expect(found?.summary).toContain("user-disconnected disconnected from “Chef's table” 1 min ago");
  });

  test("finds an event with no host present", () => {
    const obs = observed({ onAir: [event([host("exited", { exitedAt: t0 - 30_000 })])] });
    expect(ruleFindings(hostRule, obs, new Map())?.[0]).toMatchObject({ since: t0 - 30_000 });
  });

  test("finds nothing while every host is connected", () => {
    expect(ruleFindings(hostRule, observed({ onAir: [event([host("connected")])] }), new Map())).toEqual([]);
  });

  test("cannot judge a round without a reading of the events on air", () => {
    expect(ruleFindings(hostRule, observed({ onAir: null }), new Map())).toBeNull();
  });

  test("pends a drop shorter than the rule's duration, then opens it once it has lasted", () => {
    const early = observed({ onAir: [event([host("disconnected", { disconnectedAt: t0 - 20_000 })])] });
    expect(plan([hostRule], early, []).map((s) => s.type)).toEqual(["pend"]);
    const later = observed({ now: t0 + 45_000, onAir: early.onAir });
    const pending = stored({ openedAt: null, lastNotifiedAt: null, since: t0 - 20_000 });
    expect(plan([hostRule], later, [pending])).toEqual([expect.objectContaining({ type: "open", alertId: "alert-1" })]);
  });

  test("opens at once with a zero-second duration", () => {
    const obs = observed({ onAir: [event([host("disconnected", { disconnectedAt: t0 })])] });
    expect(plan([rule("host_absent", { seconds: 0 })], obs, []).map((s) => s.type)).toEqual(["open"]);
  });

  test("drops a pending alert whose host came back before the duration", () => {
    const obs = observed({ onAir: [event([host("connected")])] });
    expect(plan([hostRule], obs, [stored({ openedAt: null })])).toEqual([{ type: "drop", alertId: "alert-1" }]);
  });

  test("resolves an open alert when the host is back, and notifies", () => {
    const obs = observed({ onAir: [event([host("connected")])] });
    expect(plan([hostRule], obs, [stored({})])).toEqual([{ type: "resolve", alertId: "alert-1", reason: "The condition cleared.", notify: true }]);
  });

  test("resolves an open alert when its event leaves the air", () => {
    expect(plan([hostRule], observed({ onAir: [] }), [stored({})])).toEqual([
      { type: "resolve", alertId: "alert-1", reason: "The event is no longer on air.", notify: true },
    ]);
  });

  test("keeps open alerts as they are when the round has no reading", () => {
    expect(plan([hostRule], observed({ onAir: null }), [stored({})])).toEqual([]);
  });
});

describe("reminders", () => {
  const obs = (now: number) => observed({ now, onAir: [event([host("disconnected", { disconnectedAt: t0 - 600_000 })])] });

  test("are not sent before the reminder interval", () => {
    expect(plan([rule("host_absent", { seconds: 60 })], obs(t0 + 60_000), [stored({})]).map((s) => s.type)).toEqual(["update"]);
  });

  test("are sent once the interval has passed since the last message", () => {
    expect(plan([rule("host_absent", { seconds: 60 })], obs(t0 + 30 * 60_000), [stored({})]).map((s) => s.type)).toEqual(["remind"]);
  });

  test("stop once someone acknowledges the alert", () => {
    expect(plan([rule("host_absent", { seconds: 60 })], obs(t0 + 90 * 60_000), [stored({ acknowledgedAt: t0 })]).map((s) => s.type)).toEqual(["update"]);
  });

  test("are never sent with an interval of 0", () => {
    expect(plan([rule("host_absent", { seconds: 60 }, { remindMinutes: 0 })], obs(t0 + 900 * 60_000), [stored({})]).map((s) => s.type)).toEqual(["update"]);
  });
});

describe("the audience rule", () => {
  const dropRule = rule("audience_drop", { percent: 50, minutes: 5, minAudience: 20 });
  const samples = (counts: number[]) => counts.map((participantCount, i) => ({ at: t0 - (counts.length - i) * 30_000, participantCount }));

  test("finds a fall of more than the share within the window", () => {
    const obs = observed({ onAir: [event([host("connected")], { participantCount: 30 })], audiences: new Map([["ev-1", samples([100, 98, 95])]]) });
    const [found] = ruleFindings(dropRule, obs, new Map()) ?? [];
    expect(found).toMatchObject({ details: { peak: 100, participants: 30, fell_percent: 70 } });
  });

  test("ignores a fall within the share", () => {
    const obs = observed({ onAir: [event([host("connected")], { participantCount: 60 })], audiences: new Map([["ev-1", samples([100])]]) });
    expect(ruleFindings(dropRule, obs, new Map())).toEqual([]);
  });

  test("ignores small audiences", () => {
    const obs = observed({ onAir: [event([host("connected")], { participantCount: 1 })], audiences: new Map([["ev-1", samples([10])]]) });
    expect(ruleFindings(dropRule, obs, new Map())).toEqual([]);
  });

  test("holds an open alert until the audience is back above the mark, after the peak left the window", () => {
    const open = new Map([["rule-audience_drop\u0000live_event\u0000ev-1", stored({ ruleId: "rule-audience_drop", details: { peak: 100 } })]]);
    const low = observed({ onAir: [event([host("connected")], { participantCount: 40 })] });
    expect(ruleFindings(dropRule, low, open)).toHaveLength(1);
    const back = observed({ onAir: [event([host("connected")], { participantCount: 55 })] });
    expect(ruleFindings(dropRule, back, open)).toEqual([]);
  });
});

describe("the other rules", () => {
  test("no host streaming counts from when the console first saw it", () => {
    const r = rule("no_host_streaming", { seconds: 120 });
    const obs = observed({ onAir: [event([host("connected")], { isHostStreaming: false })] });
    expect(plan([r], obs, []).map((s) => s.type)).toEqual(["pend"]);
  });

  test("call failures need enough calls and more than the share ending badly", () => {
    const r = rule("call_failures", { percent: 20, minCalls: 20 });
    expect(ruleFindings(r, observed({ calls: { ended: 10, bad: 9 } }), new Map())).toEqual([]);
    expect(ruleFindings(r, observed({ calls: { ended: 50, bad: 10 } }), new Map())).toEqual([]);
    expect(ruleFindings(r, observed({ calls: { ended: 50, bad: 11 } }), new Map())?.[0]?.summary).toBe(
      "22 % of the direct calls of the last hour ended badly (11 of 50).",
    );
  });

  test("Sendbird failing opens after its minutes of failures in a row", () => {
    const r = rule("sendbird_failing", { minutes: 5 });
    const failing = (minutes: number) => observed({ sendbird: { failingSince: t0 - minutes * 60_000, reason: "server errors (5xx)" } });
    expect(plan([r], failing(2), []).map((s) => s.type)).toEqual(["pend"]);
    expect(plan([r], failing(6), []).map((s) => s.type)).toEqual(["open"]);
  });

  test("a stalled sync is measured from its last finished pass", () => {
    const r = rule("sync_stalled", { minutes: 30 });
    expect(ruleFindings(r, observed({ sync: { lastFinishedAt: t0 - 10 * 60_000, runningSince: t0 - 86_400_000 } }), new Map())).toEqual([]);
    expect(ruleFindings(r, observed({ sync: { lastFinishedAt: t0 - 40 * 60_000, runningSince: t0 - 86_400_000 } }), new Map())).toHaveLength(1);
    expect(ruleFindings(r, observed({ sync: null }), new Map())).toBeNull();
  });
});

describe("rules turned off or deleted", () => {
  // The actions resolve them as they happen (lib/alerts/actions.test.ts); these are the ones a round under way opened meanwhile.
  test("resolve their open alerts, with a message only while the rule and its channels are there, and drop pending ones", () => {
    const off = rule("host_absent", { seconds: 60 }, { enabled: false });
    expect(plan([off], observed(), [stored({}), stored({ id: "alert-2", subjectId: "ev-2", openedAt: null })])).toEqual([
      { type: "resolve", alertId: "alert-1", reason: "The rule was turned off.", notify: true },
      { type: "drop", alertId: "alert-2" },
    ]);
    expect(plan([], observed(), [stored({})])).toEqual([{ type: "resolve", alertId: "alert-1", reason: "The rule was deleted.", notify: false }]);
  });
});
