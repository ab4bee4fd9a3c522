import { describe, expect, test } from "vitest";
import { sessionMsIn, summarize } from "./summary";
import type { TimelineEntry } from "./timeline";

const minute = 60_000;
type SessionEntry = Extract<TimelineEntry, { kind: "hosted" | "watched" }>;
const session = (over: Partial<SessionEntry>): SessionEntry => ({
  kind: "watched",
  at: 0,
  liveEventId: "e1",
  sessionId: "s1",
  title: "Show",
  eventState: "ended",
  state: "exited",
  enteredAt: 0,
  connectedAt: null,
  exitedAt: 30 * minute,
  durationMs: 30 * minute,
  seenAt: 40 * minute,
  ...over,
});
const call = (endResult: string | null, at = 0): TimelineEntry => ({
  kind: "call",
  at,
  callId: `c${at}${endResult}`,
  role: "caller",
  other: null,
  isVideo: false,
  durationMs: null,
  endResult,
  endedBy: null,
});

describe("a case file's summary", () => {
  test("counts events and the minutes inside the window, a session still in counted to its last read", () => {
    const entries = [
      session({ sessionId: "a", enteredAt: 0, exitedAt: 30 * minute }),
      session({ sessionId: "b", enteredAt: 40 * minute, exitedAt: 50 * minute }),
      session({ sessionId: "c", liveEventId: "e2", eventState: "ongoing", enteredAt: 60 * minute, exitedAt: null, seenAt: 75 * minute }),
    ];
    expect(summarize(entries, {}).watched).toEqual({ events: 2, sessions: 3, minutes: 55 });
    // Only the part of the first session after the window's start counts.
    expect(summarize(entries, { from: 20 * minute }).watched.minutes).toBe(10 + 10 + 15);
    expect(summarize(entries, {}).hosted).toEqual({ events: 0, sessions: 0, minutes: 0 });
  });

  test("falls back to Sendbird's duration when the times are unknown, and never counts less than nothing", () => {
    expect(sessionMsIn(session({ enteredAt: null, durationMs: 5 * minute }), {})).toBe(5 * minute);
    expect(sessionMsIn(session({ enteredAt: 0, exitedAt: 10 * minute }), { from: 20 * minute })).toBe(0);
  });

  test("puts the calls that ended badly first, then the most common", () => {
    const entries = [call("completed", 5), call("completed", 4), call("completed", 3), call("declined", 2), call("connection_lost", 1), call(null, 0)];
    const summary = summarize(entries, {});
    expect(summary.callCount).toBe(6);
    expect(summary.calls.map((c) => [c.label, c.count, c.bad])).toEqual([
      ["dropped", 1, true],
      ["completed", 3, false],
      ["declined", 1, false],
      ["not ended", 1, false],
    ]);
    expect(summary.latest).toBe(entries[0]);
  });

  test("counts staff changes and the ones that failed", () => {
    const change = (outcome: string, id: number): TimelineEntry => ({
      kind: "change",
      at: id,
      id,
      action: "user.update",
      subject: null,
      actorEmail: "a@example.com",
      outcome,
      message: "",
    });
    expect(summarize([change("success", 1), change("failure", 2)], {}).changes).toEqual({ count: 2, failed: 1 });
    expect(summarize([], {}).latest).toBeNull();
  });
});
