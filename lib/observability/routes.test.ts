import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { routeNamer, routeNamerFor } from "./routes";

const namer = routeNamer({
  staticRoutes: [
    { page: "/", regex: "^/(?:/)?$" },
    { page: "/live-events", regex: "^/live\\-events(?:/)?$" },
    { page: "/live-events/live", regex: "^/live\\-events/live(?:/)?$" },
  ],
  dynamicRoutes: [
    { page: "/live-events/[liveEventId]", regex: "^/live\\-events/([^/]+?)(?:/)?$" },
    { page: "/api/auth/[...nextauth]", regex: "^/api/auth/(.+?)(?:/)?$" },
  ],
});

describe("the route a request belongs to", () => {
  test.each([
    ["/", "/"],
    ["/live-events", "/live-events"],
    ["/live-events/", "/live-events"],
    // A page of its own wins over the dynamic segment beside it.
    ["/live-events/live", "/live-events/live"],
    ["/live-events/9f1c2a", "/live-events/[liveEventId]"],
    ["/api/auth/callback/credentials", "/api/auth/[...nextauth]"],
    ["/_next/static/chunks/a1b2.js", "/_next/static"],
    ["/_next/image", "/_next"],
    // Whatever else a client asks for is one label, so metrics stay few.
    ["/wp-admin/setup.php", "(other)"],
    ["/live-events/a/b/c", "(other)"],
  ])("%s is %s", (path, route) => {
    expect(namer(path)).toBe(route);
  });

  test("without a build, every path is (other)", () => {
    expect(routeNamerFor(mkdtempSync(join(tmpdir(), "no-build-")))("/users")).toBe("(other)");
  });
});
