import { describe, expect, test } from "vitest";
import { roomLanes } from "./presence";

const t0 = Date.UTC(2026, 10, 25, 9, 0, 0);
const m = (n: number) => t0 + n * 60_000;
const stay = (userId: string, enteredAt: number | null, exitedAt: number | null, nickname = "") => ({ userId, nickname, enteredAt, exitedAt });

describe("a room's presence lanes", () => {
  test("give each person one lane over the room's life, their stays connected and the time between them disconnected", () => {
    const built = roomLanes(
      { createdAt: m(0), deletedAt: null },
      [stay("bo", m(20), null), stay("ann", m(15), m(18), "Ann"), stay("ann", m(2), m(10), "Ann")],
      m(30),
    );
    expect(built).toEqual({
      from: m(0),
      to: m(30),
      lanes: [
        {
          label: "Ann",
          href: "/users/ann",
          spans: [
            { from: m(2), to: m(10), state: "connected" },
            { from: m(10), to: m(15), state: "disconnected" },
            { from: m(15), to: m(18), state: "connected" },
          ],
        },
        { label: "bo", href: "/users/bo", spans: [{ from: m(20), to: m(30), state: "connected" }] },
      ],
    });
  });

  test("see no gap where a person's stays overlap, and end at the room's deletion", () => {
    const built = roomLanes({ createdAt: m(0), deletedAt: m(40) }, [stay("cy", m(1), m(30)), stay("cy", m(5), m(10)), stay("cy", m(20), null)], m(90));
    expect(built?.to).toBe(m(40));
    expect(built?.lanes[0]?.spans.every((s) => s.state === "connected")).toBe(true);
  });

  test("are absent when no stay has a time", () => {
    expect(roomLanes({ createdAt: m(0), deletedAt: null }, [], m(5))).toBeNull();
    expect(roomLanes({ createdAt: m(0), deletedAt: null }, [stay("dee", null, null)], m(5))).toBeNull();
  });
});
