// No "server-only": the console's HTTP server (scripts/serve.ts) names each request's route with it.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** One of Next's routes as its build lists them (`.next/routes-manifest.json`). */
interface ManifestRoute {
  page: string;
  regex: string;
}

/**
 * Names the route a path belongs to (`/live-events/[liveEventId]`), so logs and metrics group requests by
 * page and not by id: the pages and handlers the build lists, Next's own files, and `(other)` for
 * anything else, which keeps a metric's labels few whatever clients ask for.
 */
export function routeNamer(manifest: { staticRoutes: ManifestRoute[]; dynamicRoutes: ManifestRoute[] }): (path: string) => string {
  const exact = new Set(manifest.staticRoutes.map((r) => r.page));
  const patterns = manifest.dynamicRoutes.map((r) => ({ page: r.page, regex: new RegExp(r.regex) }));
  return (path) => {
    const bare = path.length > 1 && path.endsWith("/") ? path.slice(0, -1) : path;
    if (exact.has(bare)) return bare;
    for (const { page, regex } of patterns) if (regex.test(bare)) return page;
    if (bare.startsWith("/_next/static/")) return "/_next/static";
    if (bare.startsWith("/_next/")) return "/_next";
    return "(other)";
  };
}

/** The namer for the build in `dir` (the directory holding `.next`); every path is `(other)` without one. */
export function routeNamerFor(dir: string): (path: string) => string {
  const file = join(dir, ".next", "routes-manifest.json");
  if (!existsSync(file)) return routeNamer({ staticRoutes: [], dynamicRoutes: [] });
  return routeNamer(JSON.parse(readFileSync(file, "utf8")));
}
