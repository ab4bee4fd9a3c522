import { describe, expect, test } from "vitest";
import { imageLinkKey, imageQuerySchema, linkExpiry, linkLifetimeS, signedImagePath, verifyImageLink } from "./signing";

const key = imageLinkKey("a-session-secret-a-session-secret-32");
const now = Date.UTC(2026, 0, 15, 10, 20, 30);
const url = "https://cdn.example.com/ada.png";

/** The query of a signed path, as the route reads it. */
const queryOf = (path: string) => imageQuerySchema.parse(Object.fromEntries(new URL(path, "http://console").searchParams));

describe("signed image links", () => {
  test("point at the console's own image route, with the URL, the expiry and a signature", () => {
    const path = signedImagePath(url, key, now);
    expect(path).toMatch(/^\/api\/images\?u=https%3A%2F%2Fcdn\.example\.com%2Fada\.png&exp=\d+&sig=[\w-]{43}$/);
    expect(verifyImageLink(queryOf(path), key, now)).toBe("ok");
  });

  test("are the same for every render within the hour, so the browser caches them, and last one to two hours", () => {
    expect(signedImagePath(url, key, now)).toBe(signedImagePath(url, key, now + 30 * 60_000));
    const exp = linkExpiry(now) * 1000;
    expect(exp - now).toBeGreaterThanOrEqual(linkLifetimeS * 1000);
    expect(exp - now).toBeLessThanOrEqual(2 * linkLifetimeS * 1000);
  });

  test("expire", () => {
    const query = queryOf(signedImagePath(url, key, now));
    expect(verifyImageLink(query, key, query.exp * 1000 - 1)).toBe("ok");
    expect(verifyImageLink(query, key, query.exp * 1000)).toBe("expired");
  });

  test("refuse a changed URL, a later expiry, a changed signature or another console's key", () => {
    const query = queryOf(signedImagePath(url, key, now));
    expect(verifyImageLink({ ...query, u: "https://cdn.example.com/bob.png" }, key, now)).toBe("invalid");
    expect(verifyImageLink({ ...query, exp: query.exp + linkLifetimeS }, key, now)).toBe("invalid");
    const flipped = `${query.sig.slice(0, -1)}${query.sig.endsWith("A") ? "B" : "A"}`;
    expect(verifyImageLink({ ...query, sig: flipped }, key, now)).toBe("invalid");
    expect(verifyImageLink(query, imageLinkKey("another-secret-another-secret-another"), now)).toBe("invalid");
  });

  test("use a key of their own, not the session secret itself", () => {
    expect(key.equals(Buffer.from("a-session-secret-a-session-secret-32"))).toBe(false);
    expect(key).toHaveLength(32);
  });

  test("are refused before checking when the query is malformed", () => {
    expect(imageQuerySchema.safeParse({ u: url, exp: "soon", sig: "x".repeat(43) }).success).toBe(false);
    expect(imageQuerySchema.safeParse({ u: url, exp: "1", sig: "short" }).success).toBe(false);
    expect(imageQuerySchema.safeParse({ u: url, exp: "1", sig: "x".repeat(43), extra: "1" }).success).toBe(false);
  });
});
