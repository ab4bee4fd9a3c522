import { encode } from "next-auth/jwt";
import { describe, expect, test } from "vitest";
import { readSessionToken } from "./session-token";

const secret = "a-test-secret-that-is-long-enough-000";
const claims = { sub: "account-1", sid: "s-1", sv: 3, role: "admin" as const, signedInAt: 1, lastActive: 1 };

describe("reading the session cookie", () => {
  test("returns the token, the same on a second read", async () => {
    const raw = await encode({ token: claims, secret, maxAge: 60 });
    expect(await readSessionToken(raw, secret)).toMatchObject({ sub: "account-1", sid: "s-1", sv: 3 });
    expect(await readSessionToken(raw, secret)).toMatchObject({ sub: "account-1", sid: "s-1", sv: 3 });
  });

  test("refuses a cookie sealed with another secret, or tampered with", async () => {
    const raw = await encode({ token: claims, secret: "another-secret-another-secret-000000", maxAge: 60 });
    expect(await readSessionToken(raw, secret)).toBeNull();
    const good = await encode({ token: claims, secret, maxAge: 60 });
    expect(await readSessionToken(`${good.slice(0, -4)}AAAA`, secret)).toBeNull();
  });

  test("stops accepting a remembered cookie once it expires", async () => {
    const raw = await encode({ token: claims, secret, maxAge: 60 });
    expect(await readSessionToken(raw, secret)).not.toBeNull();
    expect(await readSessionToken(raw, secret, Date.now() + 61_000)).toBeNull();
  });
});
