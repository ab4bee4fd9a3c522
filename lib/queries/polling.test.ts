import { describe, expect, test } from "vitest";
import { ConsoleAnswerError } from "@/lib/api/answers";
import { backoffMs, isTransient, keepNewer, refreshProblem } from "./polling";

describe("a polled refresh that fails", () => {
  test("is retried for a rate limit, an upstream failure or no connection, and not for a refusal of its own", () => {
    expect(isTransient(new ConsoleAnswerError("busy", 429))).toBe(true);
    expect(isTransient(new ConsoleAnswerError("down", 502))).toBe(true);
    expect(isTransient(new ConsoleAnswerError("unreachable", 0))).toBe(true);
    expect(isTransient(new TypeError("failed to fetch"))).toBe(true);
    expect(isTransient(new ConsoleAnswerError("signed out", 401))).toBe(false);
    expect(isTransient(new ConsoleAnswerError("gone", 404))).toBe(false);
  });

  test("waits longer after each failure, longer still for a rate limit, as long as asked, at most a minute", () => {
    const down = new ConsoleAnswerError("down", 502);
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(5_000, n, down))).toEqual([5_000, 10_000, 20_000, 40_000, 60_000]);
    const busy = new ConsoleAnswerError("busy", 429);
    expect([1, 2, 3, 4].map((n) => backoffMs(5_000, n, busy))).toEqual([10_000, 20_000, 40_000, 60_000]);
    expect(backoffMs(5_000, 1, new ConsoleAnswerError("busy", 429, 30))).toBe(30_000);
    expect(backoffMs(5_000, 1, new ConsoleAnswerError("busy", 429, 600))).toBe(60_000);
  });

  test("says what happened in plain words", () => {
    expect(refreshProblem(new ConsoleAnswerError("busy", 429))).toMatch(/too many/);
    expect(refreshProblem(new ConsoleAnswerError("Sendbird failed: try again", 502))).toBe("Sendbird failed: try again");
    expect(refreshProblem(new ConsoleAnswerError("x", 401))).toMatch(/session has ended/);
  });
});

describe("an answer older than the one shown", () => {
  test("never replaces it", () => {
    const shown = { fetchedAt: 2_000, n: 1 };
    expect(keepNewer(shown, { fetchedAt: 1_000, n: 0 })).toBe(shown);
    expect(keepNewer(shown, { fetchedAt: 2_000, n: 1 })).toBe(shown);
    const newer = { fetchedAt: 3_000, n: 2 };
    expect(keepNewer(shown, newer)).toBe(newer);
    expect(keepNewer(undefined, newer)).toBe(newer);
  });
});
