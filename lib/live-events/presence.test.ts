import { describe, expect, test } from "vitest";
import type { HostDto } from "@/lib/sendbird/dto";
import { hostLanes, hostSpans } from "./presence";

const t0 = Date.UTC(2026, 10, 25, 14, 0, 0);
const minute = 60_000;
const m = (n: number) => t0 + n * minute;

function host(id: string, times: Partial<Pick<HostDto, "enteredAt" | "connectedAt" | "disconnectedAt" | "exitedAt">>, nickname = ""): HostDto {
  return {
    hostId: `h-${id}`,
    userId: id,
    nickname,
    profileUrl: "",
    state: "connected",
    streamType: null,
    enteredAt: null,
    connectedAt: null,
    disconnectedAt: null,
    exitedAt: null,
    durationMs: 0,
    audioOn: true,
    videoOn: true,
    ...times,
  };
}

describe("a host's presence", () => {
  test("is disconnected from entering until connecting, then connected to the end while still in", () => {
    expect(hostSpans({ enteredAt: m(0), connectedAt: m(2), disconnectedAt: null, exitedAt: null }, m(30))).toEqual([
      { from: m(0), to: m(2), state: "disconnected" },
      { from: m(2), to: m(30), state: "connected" },
    ]);
  });

  test("shows a drop that lasts until leaving", () => {
    expect(hostSpans({ enteredAt: m(0), connectedAt: m(1), disconnectedAt: m(20), exitedAt: m(25) }, m(30))).toEqual([
      { from: m(0), to: m(1), state: "disconnected" },
      { from: m(1), to: m(20), state: "connected" },
      { from: m(20), to: m(25), state: "disconnected" },
    ]);
  });

  test("reads a disconnect before the latest connect as a reconnect, connected since entering before it", () => {
    expect(hostSpans({ enteredAt: m(0), connectedAt: m(12), disconnectedAt: m(10), exitedAt: null }, m(30))).toEqual([
      { from: m(0), to: m(10), state: "connected" },
      { from: m(10), to: m(12), state: "disconnected" },
      { from: m(12), to: m(30), state: "connected" },
    ]);
  });

  test("is disconnected throughout for a host who never connected, and has no stretch without any time", () => {
    expect(hostSpans({ enteredAt: m(3), connectedAt: null, disconnectedAt: null, exitedAt: m(5) }, m(30))).toEqual([
      { from: m(3), to: m(5), state: "disconnected" },
    ]);
    expect(hostSpans({ enteredAt: null, connectedAt: null, disconnectedAt: null, exitedAt: null }, m(30))).toEqual([]);
  });
});

describe("an event's host lanes", () => {
  const event = { startedAt: m(5), endedAt: null, hosts: [host("late", { enteredAt: m(10), connectedAt: m(10) }, "Late Host")] };

  test("run from the first host in (before the start, while the event was ready) to now, earliest host first", () => {
    const indexed = [host("early", { enteredAt: m(1), connectedAt: m(2), disconnectedAt: m(8), exitedAt: m(8) }), ...event.hosts];
    const built = hostLanes(event, indexed, m(40));
    expect(built).toMatchObject({ from: m(1), to: m(40) });
    expect(built?.lanes.map((l) => [l.label, l.href])).toEqual([
      ["early", "/users/early"],
      ["Late Host", "/users/late"],
    ]);
  });

  test("run from the start to the end of an ended event, and are absent without a host or a time", () => {
    expect(hostLanes({ ...event, endedAt: m(50) }, null, m(90))).toMatchObject({ from: m(5), to: m(50) });
    expect(hostLanes({ ...event, hosts: [] }, [], m(40))).toBeNull();
    expect(hostLanes({ startedAt: null, endedAt: null, hosts: [host("idle", {})] }, null, m(40))).toBeNull();
  });

  test("leave out the link of a user id no address can carry", () => {
    expect(hostLanes({ ...event, hosts: [host("..", { enteredAt: m(6) })] }, null, m(40))?.lanes[0]).toEqual({
      label: "..",
      spans: [{ from: m(6), to: m(40), state: "disconnected" }],
    });
  });
});
