import { describe, expect, test } from "vitest";
import { maxCreators, roomTitle, roomTypeText, stayText, roomsQuerySchema, roomsSearch, toRoomsParams } from "./rooms-query";

const parse = (raw: Record<string, string | string[]>) => roomsQuerySchema.safeParse(raw);
const problem = (raw: Record<string, string | string[]>) => {
  const result = parse(raw);
  return result.success ? null : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};
const params = (raw: Record<string, string | string[]>) => toRoomsParams(roomsQuerySchema.parse(raw));

describe("the rooms list's URL", () => {
  test("applies no filter and 20 a page when empty", () => {
    expect(params({})).toEqual({
      type: undefined,
      state: undefined,
      createdFrom: undefined,
      createdTo: undefined,
      participantsMin: undefined,
      participantsMax: undefined,
      createdBy: undefined,
      limit: 20,
      next: undefined,
      prev: undefined,
    });
    expect(params({ type: "", state: "", from: "", to: "", minParticipants: "", maxParticipants: "", createdBy: "", next: "", prev: "" })).toEqual(params({}));
  });

  test("reads every filter of Sendbird's room list, with the created range in UTC and a whole end day", () => {
    expect(
      params({
        type: "large_room_for_audio_only",
        state: "deleted",
        from: "2026-11-01T09:30",
        to: "2026-11-02",
        minParticipants: "2",
        maxParticipants: "40",
        createdBy: "ada,bob",
        limit: "50",
        next: "abc123==",
        prev: "xyz",
      }),
    ).toEqual({
      type: "large_room_for_audio_only",
      state: "deleted",
      createdFrom: Date.UTC(2026, 10, 1, 9, 30),
      createdTo: Date.UTC(2026, 10, 3) - 1,
      participantsMin: 2,
      participantsMax: 40,
      createdBy: ["ada", "bob"],
      limit: 50,
      next: "abc123==",
      prev: "xyz",
    });
  });

  test("takes creators comma-separated or repeated", () => {
    expect(params({ createdBy: ["ada", "bob,cy"] }).createdBy).toEqual(["ada", "bob", "cy"]);
    expect(params({ createdBy: "ada, bob" }).createdBy).toEqual(["ada", "bob"]);
    // A user id may hold a space: only commas split.
    expect(params({ createdBy: "bo b,ada" }).createdBy).toEqual(["bo b", "ada"]);
  });

  test("refuses a room type or state it does not know, with a message that says what would do", () => {
    expect(problem({ type: "huge_room" })).toEqual(["type: Choose video or audio-only rooms."]);
    expect(problem({ state: "closed" })).toEqual(["state: Choose open or deleted rooms."]);
  });

  test("refuses a created range that is not a date or ends before it starts, on its end", () => {
    expect(problem({ from: "yesterday" })).toEqual(["from: Use a date like 2026-11-25 or 2026-11-25T14:30 (UTC)."]);
    expect(problem({ from: "2026-11-03", to: "2026-11-01" })).toEqual(["to: The end of the range is before its start."]);
    expect(problem({ from: "2026-11-01T10:00", to: "2026-11-01" })).toBeNull();
  });

  test("refuses participant counts that are not whole numbers, or a most below the fewest", () => {
    expect(problem({ minParticipants: "-1" })).toEqual(["minParticipants: The fewest is a whole number of participants."]);
    expect(problem({ maxParticipants: "2.5" })).toEqual(["maxParticipants: The most is a whole number of participants."]);
    expect(problem({ minParticipants: "9", maxParticipants: "3" })).toEqual(["maxParticipants: The most is fewer than the fewest."]);
    expect(problem({ minParticipants: "3", maxParticipants: "3" })).toBeNull();
  });

  test(`refuses more than ${maxCreators} creators, or an over-long one`, () => {
    const ids = Array.from({ length: maxCreators + 1 }, (_, i) => `u${i}`);
    expect(problem({ createdBy: ids.slice(0, maxCreators).join(",") })).toBeNull();
    expect(problem({ createdBy: ids.join(",") })).toEqual([`createdBy: At most ${maxCreators} creators.`]);
    expect(problem({ createdBy: ids })).toEqual([`createdBy: At most ${maxCreators} creators.`]);
    expect(problem({ createdBy: "u".repeat(81) })).toEqual(["createdBy.0: A user id is at most 80 characters."]);
  });

  test("refuses a page token Sendbird would not have written, and a page size not offered", () => {
    expect(problem({ next: "<script>" })).toEqual(["next: Not a page of this list."]);
    expect(problem({ prev: "a b" })).toEqual(["prev: Not a page of this list."]);
    expect(problem({ limit: "7" })).toEqual(["limit: Choose 10, 20, 50 or 100 per page."]);
  });

  test("writes its filters back in a fixed order without the page tokens, plus any extra parameters", () => {
    expect(roomsSearch({ next: "abc", prev: "def", createdBy: ["bob", "ada"], state: "open", type: "small_room_for_video", junk: "x" })).toBe(
      "?type=small_room_for_video&state=open&createdBy=bob&createdBy=ada",
    );
    expect(roomsSearch({ limit: "50" }, { next: "tok" })).toBe("?limit=50&next=tok");
    expect(roomsSearch({})).toBe("");
  });
});

describe("a room type in words", () => {
  test("names the two room types, and shows one it does not know as it is", () => {
    expect(roomTypeText("small_room_for_video")).toMatch(/^(?=.*small)(?=.*video)[^_]+$/i);
    expect(roomTypeText("large_room_for_audio_only")).toMatch(/^(?=.*large)(?=.*audio)[^_]+$/i);
    expect(roomTypeText("stadium")).toBe("stadium");
  });

  test("titles a room by a name in its custom items, else by its type, when it was made and by whom", () => {
    const room = { type: "small_room_for_video", createdAt: Date.UTC(2026, 11, 1, 14, 2), createdBy: "ada", customItems: {} };
    expect(roomTitle(room)).toBe("Small video room · 2026-12-01 14:02 UTC · by ada");
    expect(roomTitle({ ...room, createdBy: "" })).toBe("Small video room · 2026-12-01 14:02 UTC");
    expect(roomTitle({ ...room, customItems: { title: " ", name: "Weekly sync" } })).toBe("Weekly sync");
  });

  test("flags a stay still open after twelve hours as probably stale", () => {
    const hour = 3_600_000;
    expect(stayText({ enteredAt: 0, exitedAt: null, durationSeconds: null }, 2 * hour)).toBe("2 h 00 min so far");
    expect(stayText({ enteredAt: 0, exitedAt: null, durationSeconds: null }, 13 * hour)).toMatch(/^13 h 00 min so far: probably stale/);
    expect(stayText({ enteredAt: 0, exitedAt: 20 * hour, durationSeconds: null }, 30 * hour)).toBe("20 h 00 min");
    expect(stayText({ enteredAt: 0, exitedAt: hour, durationSeconds: 90 }, 2 * hour)).toBe("1 min");
  });
});
