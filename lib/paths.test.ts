import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { callPath, idFromParam, isPathSegment, liveEventPath, roomPath, userBundlePath, userPath } from "./paths";

const base = "https://console.example";
const hostileIds = [
  "a/b",
  "/leading",
  "trailing/",
  "100%",
  "%",
  "%25",
  "%2F",
  "a%2Fb",
  "a%252Fb",
  "what?",
  "a?b=c&d",
  "#frag",
  "a#b",
  "with space",
  " padded ",
  "a+b",
  "café",
  "🎬🧑‍🚀",
  "e\u0301",
  "ユーザー",
  "../etc",
  "a/../b",
  "..%2F..",
  "%2e%2e",
  "...",
  "a..b",
  "\\..\\",
];

/** What the console's router does with an address: the segment after `prefix`, as a page and as a route handler get it. */
function opened(path: string, prefix: string, suffix = ""): { page: string; handler: string } {
  const url = new URL(path, base);
  // Nothing after the id may be read as a query, a fragment or another step.
  expect(`${url.pathname}${url.search}${url.hash}`).toBe(path);
  expect(url.pathname.startsWith(prefix) && url.pathname.endsWith(suffix)).toBe(true);
  const raw = url.pathname.slice(prefix.length, url.pathname.length - suffix.length);
  expect(raw).not.toContain("/");
  // Next matches the raw segment, decodes it once, and hands a page that value encoded again.
  const handler = decodeURIComponent(raw);
  return { page: idFromParam(encodeURIComponent(handler)), handler };
}

const builders = [
  ["a user's case file", userPath, "/users/", ""],
  ["a user's support bundle", userBundlePath, "/api/users/", "/bundle"],
  ["a live event", liveEventPath, "/live-events/", ""],
  ["a direct call", callPath, "/calls/", ""],
  ["a room", roomPath, "/calls/rooms/", ""],
] as const;

describe.each(builders)("the address of %s", (_what, build, prefix, suffix) => {
  test.each(hostileIds)("opens the id %j, encoded exactly once", (id) => {
    const path = build(id);
    expect(path).toBe(`${prefix}${encodeURIComponent(id)}${suffix}`);
    expect(opened(path, prefix, suffix)).toEqual({ page: id, handler: id });
  });

  test("opens any id but '.' and '..'", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, unit: "grapheme" }), (id) => {
        fc.pre(isPathSegment(id));
        expect(opened(build(id), prefix, suffix)).toEqual({ page: id, handler: id });
      }),
    );
  });

  test("refuses '.' and '..', which a browser would read as steps to another page", () => {
    expect(() => build(".")).toThrow(TypeError);
    expect(() => build("..")).toThrow(TypeError);
  });
});

describe("the id a page's segment names", () => {
  test("is decoded once, so an id that looks encoded stays as it is", () => {
    expect(idFromParam("a%2Fb")).toBe("a/b");
    expect(idFromParam("a%252Fb")).toBe("a%2Fb");
    expect(idFromParam("100%25")).toBe("100%");
    expect(idFromParam("caf%C3%A9")).toBe("café");
    expect(idFromParam("plain-id")).toBe("plain-id");
  });

  test("keeps a segment whose escapes are not UTF-8 as it came", () => {
    expect(idFromParam("%E0%A4%A")).toBe("%E0%A4%A");
  });
});
