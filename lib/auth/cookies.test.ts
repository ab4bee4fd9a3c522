import { describe, expect, test } from "vitest";
import { secureCookies, sessionCookieName, sessionCookieOptions } from "./cookies";

describe("session cookies", () => {
  test("are Secure with the __Secure- prefix when the console is served over HTTPS", () => {
    expect(secureCookies("https://console.example.com")).toBe(true);
    expect(sessionCookieName(true)).toBe("__Secure-next-auth.session-token");
    expect(sessionCookieOptions(true, 60)).toMatchObject({ httpOnly: true, sameSite: "lax", secure: true });
  });

  test("stay plain over HTTP on localhost, where a Secure cookie would never come back", () => {
    expect(secureCookies("http://localhost:3000")).toBe(false);
    expect(secureCookies(undefined)).toBe(false);
    expect(sessionCookieName(false)).toBe("next-auth.session-token");
    expect(sessionCookieOptions(false, 60)).toMatchObject({ httpOnly: true, sameSite: "lax", secure: false });
  });
});
