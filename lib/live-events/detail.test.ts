import { describe, expect, test } from "vitest";
import { consoleActors, fallingFast, hostDropMs, hostStint, timeline } from "./detail";

const now = 1_800_000_000_000;

describe("a host's connection on an on-air event", () => {
  test("is flagged when disconnected for over a minute", () => {
    expect(hostDropMs({ connectedAt: now - 600_000, disconnectedAt: now - 90_000, exitedAt: null }, "ongoing", now)).toBe(90_000);
  });

  test("is not flagged for a short drop, a reconnection, an exit or an event off air", () => {
    expect(hostDropMs({ connectedAt: now - 600_000, disconnectedAt: now - 30_000, exitedAt: null }, "ongoing", now)).toBeNull();
    expect(hostDropMs({ connectedAt: now - 10_000, disconnectedAt: now - 90_000, exitedAt: null }, "ongoing", now)).toBeNull();
    expect(hostDropMs({ connectedAt: now - 600_000, disconnectedAt: now - 90_000, exitedAt: now - 80_000 }, "ongoing", now)).toBeNull();
    expect(hostDropMs({ connectedAt: now - 600_000, disconnectedAt: now - 90_000, exitedAt: null }, "ended", now)).toBeNull();
    expect(hostDropMs({ connectedAt: null, disconnectedAt: null, exitedAt: null }, "ongoing", now)).toBeNull();
  });
});

describe("an event's timeline", () => {
  test("lists the four steps in order, with who and when; a step nobody is named for was the API's", () => {
    const steps = timeline({ createdAt: 1, createdBy: "api", setReadyAt: 2, setReadyBy: "host-1", startedAt: null, startedBy: "", endedAt: null, endedBy: "" });
    expect(steps.map((s) => [s.label, s.at, s.by])).toEqual([
      ["Created", 1, "user api"],
      ["Set ready", 2, "user host-1"],
      ["Started", null, "the API"],
      ["Ended", null, "the API"],
    ]);
  });

  test("names the console account behind a step from the audit trail, and 'the API' only for a step from outside", () => {
    const rows = [
      { action: "live_event.end", outcome: "success", actorEmail: "ops@example.com" },
      { action: "live_event.start", outcome: "failure", actorEmail: "late@example.com" },
      { action: "live_event.start", outcome: "success", actorEmail: "admin@example.com" },
      { action: "live_event.start", outcome: "success", actorEmail: "earlier@example.com" },
      { action: "live_event.update", outcome: "success", actorEmail: "editor@example.com" },
    ];
    const actors = consoleActors(rows);
    expect(actors).toEqual({ ended: "ops@example.com", started: "admin@example.com" });
    const steps = timeline({ createdAt: 1, createdBy: "", setReadyAt: 2, setReadyBy: "host-1", startedAt: 3, startedBy: "", endedAt: 4, endedBy: "" }, actors);
    expect(steps.map((s) => s.by)).toEqual(["the API", "user host-1", "admin@example.com (console)", "ops@example.com (console)"]);
  });
});

describe("an audience falling fast", () => {
  const at = (secondsAgo: number, n: number): [number, number] => [now - secondsAgo * 1000, n];
  test("is flagged when 30 % and at least 10 people left within a minute", () => {
    expect(fallingFast([at(50, 100), at(30, 90), at(5, 65)], now)).toBe(true);
  });
  test("is not flagged for small audiences, slow declines, old readings or a single reading", () => {
    expect(fallingFast([at(50, 20), at(5, 11)], now)).toBe(false);
    expect(fallingFast([at(50, 100), at(5, 80)], now)).toBe(false);
    expect(fallingFast([at(120, 100), at(5, 50)], now)).toBe(false);
    expect(fallingFast([at(5, 50)], now)).toBe(false);
  });
});

describe("a host's row", () => {
  const t = (h: number, m: number, sec = 0) => Date.UTC(2026, 11, 1, h, m, sec);
  const host = { connectedAt: t(14, 0), disconnectedAt: null as number | null, exitedAt: null as number | null, durationMs: 0 };

  test("reads in order: connected, then disconnected; a disconnect before the latest connect is one reconnect", () => {
    expect(hostStint(host, "ongoing", t(14, 30)).connection).toBe("connected 14:00:00");
    expect(hostStint({ ...host, disconnectedAt: t(14, 20) }, "ongoing", t(14, 30)).connection).toBe("connected 14:00:00 → disconnected 14:20:00");
    expect(hostStint({ ...host, connectedAt: t(14, 21), disconnectedAt: t(14, 20) }, "ongoing", t(14, 30)).connection).toBe(
      "disconnected 14:20:00 → reconnected 14:21:00",
    );
    expect(hostStint({ ...host, connectedAt: null }, "ongoing", t(14, 30))).toEqual({ connection: "never connected", streamedMs: null, streamedFrom: null });
  });

  test("streams for Sendbird's duration, else what the times shown add up to", () => {
    expect(hostStint({ ...host, durationMs: 90_000 }, "ended", t(15, 0))).toMatchObject({ streamedMs: 90_000, streamedFrom: "sendbird" });
    expect(hostStint(host, "ongoing", t(14, 30))).toMatchObject({ streamedMs: 30 * 60_000, streamedFrom: "so-far" });
    expect(hostStint({ ...host, disconnectedAt: t(14, 20) }, "ongoing", t(14, 30))).toMatchObject({ streamedMs: 20 * 60_000, streamedFrom: "times" });
    expect(hostStint({ ...host, exitedAt: t(14, 45) }, "ended", t(15, 0))).toMatchObject({ streamedMs: 45 * 60_000, streamedFrom: "times" });
    expect(hostStint(host, "ended", t(15, 0))).toMatchObject({ streamedMs: null });
  });
});
