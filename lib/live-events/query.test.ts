import { describe, expect, test } from "vitest";
import { liveEventsQuerySchema, liveEventsSearch, toListParams } from "./query";

describe("the live-events list URL", () => {
  test("reads every filter the list endpoint offers", () => {
    const q = liveEventsQuerySchema.parse({
      state: ["ongoing", "ready"],
      type: "audio",
      createdFrom: "2026-11-01",
      createdTo: "2026-11-02",
      startedFrom: "2026-11-01T10:30",
      minParticipants: "5",
      maxParticipants: "500",
      ids: "a, b c",
      creators: "host-1",
      limit: "50",
      next: "abc123==",
    });
    expect(toListParams(q)).toEqual({
      states: ["ongoing", "ready"],
      types: ["audio"],
      createdFrom: Date.UTC(2026, 10, 1),
      createdTo: Date.UTC(2026, 10, 3) - 1,
      startedFrom: Date.UTC(2026, 10, 1, 10, 30),
      startedTo: undefined,
      participantsMin: 5,
      participantsMax: 500,
      ids: ["a", "b", "c"],
      createdBy: ["host-1"],
      limit: 50,
      next: "abc123==",
      prev: undefined,
    });
  });

  test("takes comma-separated states and defaults to 20 a page with no filter", () => {
    expect(toListParams(liveEventsQuerySchema.parse({ state: "ongoing,ended" })).states).toEqual(["ongoing", "ended"]);
    expect(toListParams(liveEventsQuerySchema.parse({}))).toMatchObject({ states: undefined, limit: 20, ids: undefined });
  });

  test("refuses bad values with a message naming the field", () => {
    const bad = liveEventsQuerySchema.safeParse({
      state: "paused",
      type: "tv",
      createdFrom: "last week",
      minParticipants: "-1",
      limit: "7",
      next: "<script>",
      ids: "x".repeat(101),
    });
    const paths = bad.error?.issues.map((i) => i.path[0]);
    expect(paths).toEqual(expect.arrayContaining(["state", "type", "createdFrom", "minParticipants", "limit", "next", "ids"]));
    expect(liveEventsQuerySchema.safeParse({ minParticipants: "9", maxParticipants: "3" }).error?.issues[0]?.path).toEqual(["maxParticipants"]);
    expect(liveEventsQuerySchema.safeParse({ createdFrom: "2026-02-30" }).success).toBe(false);
  });

  test("writes the filters back into a link without the page token", () => {
    expect(liveEventsSearch({ state: ["ongoing", "ready"], limit: "50", next: "tok", junk: "x" }, { prev: "p" })).toBe(
      "?state=ongoing&state=ready&limit=50&prev=p",
    );
  });
});
