import { describe, expect, test } from "vitest";
import { callsQuerySchema, callsSearch, toCallsRequest } from "./query";

const parse = (raw: Record<string, string | string[]>) => callsQuerySchema.safeParse(raw);
const problem = (raw: Record<string, string | string[]>) => {
  const result = parse(raw);
  return result.success ? null : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("the direct-calls list's URL", () => {
  test("reads every call's filters: end results, one point in time with a direction, a duration range in seconds", () => {
    const result = parse({
      endResult: ["no_answer", "connection_lost"],
      at: "2026-11-20T10:00",
      scope: "after",
      minDuration: "30",
      maxDuration: "600",
      limit: "50",
    });
    if (!result.success) throw result.error;
    expect(toCallsRequest(result.data)).toEqual({
      list: "all",
      params: {
        endResults: ["no_answer", "connection_lost"],
        callTs: Date.UTC(2026, 10, 20, 10),
        scope: "next",
        durationMinMs: 30_000,
        durationMaxMs: 600_000,
        limit: 50,
        next: undefined,
      },
    });
  });

  test("reads one user's calls with their role and a time range", () => {
    const result = parse({ user: "ada", role: "callee", from: "2026-11-01", to: "2026-11-02", endResult: "declined" });
    if (!result.success) throw result.error;
    expect(toCallsRequest(result.data)).toEqual({
      list: "user",
      params: {
        userId: "ada",
        role: "dc_callee",
        endResults: ["declined"],
        startedAfter: Date.UTC(2026, 10, 1),
        endedBefore: Date.UTC(2026, 10, 3) - 1,
        limit: 20,
        next: undefined,
      },
    });
  });

  test("refuses, by name, a filter the chosen list cannot apply", () => {
    expect(problem({ role: "caller" })).toEqual(["role: A role needs a user: name the user whose calls to list."]);
    expect(problem({ from: "2026-11-01" })).toEqual(["from: A time range needs a user; for every call, use “Started” before or after a time."]);
    expect(problem({ user: "ada", at: "2026-11-01" })).toEqual(["at: With a user, use the time range (from, to) instead of one point in time."]);
    expect(problem({ user: "ada", minDuration: "5" })).toEqual([
      "minDuration: Sendbird cannot filter one user's calls by duration; clear the user or the duration.",
    ]);
  });

  test("refuses bad values with a message that says what would do", () => {
    expect(problem({ endResult: "exploded" })?.[0]).toMatch(/^endResult\.0: Choose end results among: completed, canceled/);
    expect(problem({ minDuration: "-3" })).toEqual(["minDuration: The shortest duration is a whole number of seconds."]);
    expect(problem({ minDuration: "60", maxDuration: "10" })).toEqual(["maxDuration: The longest duration is shorter than the shortest."]);
    expect(problem({ user: "u".repeat(81) })).toEqual(["user: A user id is at most 80 characters."]);
    expect(problem({ user: "." })).toEqual(['user: "." and ".." are not user ids.']);
    expect(problem({ user: "a\u0000b" })).toEqual(["user: A user id cannot hold a NUL or a broken character."]);
    expect(problem({ user: "ada", from: "2026-11-03", to: "2026-11-01" })).toEqual(["to: The end of the range is before its start."]);
    expect(problem({ at: "yesterday" })?.[0]).toMatch(/^at: Use a date like/);
    expect(problem({ next: "<script>" })).toEqual(["next: Not a page of this list."]);
    // Known from older documentation only: Sendbird's lists refuse it as a filter, so the console does too.
    expect(problem({ endResult: "late_answer" })?.[0]).toMatch(/^endResult\.0: Choose end results among/);
  });

  test("writes its filters back in a fixed order without the page token", () => {
    expect(callsSearch({ next: "abc", user: "ada", endResult: ["declined", "no_answer"] })).toBe("?endResult=declined&endResult=no_answer&user=ada");
  });
});
