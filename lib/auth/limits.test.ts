import { describe, expect, test } from "vitest";
import { idleSeconds, maxSessionSeconds, sessionExpired } from "./limits";

describe("session limits", () => {
  const now = 1_800_000_000;
  test("a session active a minute ago, signed in an hour ago, is alive", () => {
    expect(sessionExpired({ lastActive: now - 60, signedInAt: now - 3600 }, now)).toBe(false);
  });
  test("ends after 30 minutes idle", () => {
    expect(sessionExpired({ lastActive: now - idleSeconds - 1, signedInAt: now - 3600 }, now)).toBe(true);
  });
  test("ends 12 hours after sign-in however active", () => {
    expect(sessionExpired({ lastActive: now, signedInAt: now - maxSessionSeconds - 1 }, now)).toBe(true);
  });
  test("treats a token without times as ended", () => {
    expect(sessionExpired({}, now)).toBe(true);
  });
});
