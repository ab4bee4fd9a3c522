// Every page and route handler under app/, and who may open it: each is requested signed out and as every
// role, and must answer as the permission table says. A route missing from the inventory fails the first test.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { can } from "../lib/auth/permissions";
import type { Permission } from "../lib/auth/permissions";
import { roles } from "../lib/auth/roles";
import { demo, signIn } from "./auth";
import { expect, test } from "./fixtures";
import { inventory, isApi, sampleIds } from "./routes";
import type { Access, Ids } from "./routes";

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return routeFiles(path);
    return /^(page|route)\.(tsx?|jsx?)$/.test(name) ? [relative("app", path)] : [];
  });
}

/** The check a route's source makes, as the inventory names it; null when it makes none the test knows. */
function checkInSource(file: string): Access | null {
  const source = readFileSync(join("app", file), "utf8");
  const permission = /requirePermission\("([\w.]+)"|authorize\("([\w.]+)"\)|permission: "([\w.]+)"/.exec(source);
  if (permission) return (permission[1] ?? permission[2] ?? permission[3]) as Permission;
  if (/requireSignedIn\(|requireSession\(/.test(source)) return "signed-in";
  if (/= metricsRoute;/.test(source)) return "token";
  if (/publicRoute\(|probeRoute\(|NextAuth\(|\/\/ GET \/sign-in — public\./.test(source)) return "public";
  return null;
}

/** Status and redirect target of a request made without following redirects. */
async function open(request: APIRequestContext, url: string): Promise<{ status: number; location: string }> {
  const answer = await request.get(url, { maxRedirects: 0 });
  await answer.dispose();
  return { status: answer.status(), location: answer.headers().location ?? "" };
}

test.describe("the route inventory", () => {
  let ids: Ids;

  test.beforeAll(async ({ request }) => {
    ids = await sampleIds(request);
  });

  test("lists every page and route handler under app/, and each one's source makes the check it lists", () => {
    const files = routeFiles("app").sort();
    expect(files, "routes under app/ missing from the inventory (add each with the access it must enforce)").toEqual(Object.keys(inventory).sort());
    for (const file of files) expect(checkInSource(file), `${file} checks`).toBe(inventory[file]?.access);
  });

  test("signed out, every page but sign-in redirects there keeping the target, and every handler but the public ones answers 401", async ({ request }) => {
    for (const [file, route] of Object.entries(inventory)) {
      const url = route.url(ids);
      const { status, location } = await open(request, url);
      if (route.access === "public") {
        expect(status, url).toBe(200);
      } else if (isApi(file)) {
        expect(status, url).toBe(401);
        const answer = await request.get(url);
        expect(await answer.json(), url).toEqual({ error: { code: "unauthenticated", message: expect.any(String) } });
      } else {
        expect(status, url).toBe(307);
        const target = new URL(location, "http://x");
        expect(target.pathname, url).toBe("/sign-in");
        expect(target.searchParams.get("callbackUrl"), url).toBe(url);
      }
    }
  });

  for (const role of roles) {
    test(`signed in as ${role}, every route answers as the permission table says`, async ({ page }) => {
      test.setTimeout(90_000);
      await signIn(page, demo[role]);
      const denied: string[] = [];
      for (const [file, route] of Object.entries(inventory)) {
        const url = route.url(ids);
        const { status, location } = await open(page.request, url);
        if (route.access === "token") {
          // A session is not the token.
          expect(status, `${role} ${url}`).toBe(401);
          continue;
        }
        if (route.access === "public" || route.access === "signed-in") {
          // Open to everyone signed in; sign-in and the password change send a settled account on.
          expect(status < 400 && !location.includes("/sign-in"), `${url}: ${status} ${location}`).toBe(true);
          continue;
        }
        const allowed = can(role, route.access);
        expect(status, `${role} ${url}`).toBe(allowed ? (route.answers ?? 200) : 403);
        if (!allowed) denied.push(url);
        if (!allowed && isApi(file)) {
          const answer = await page.request.get(url);
          expect(await answer.json(), url).toEqual({ error: { code: "forbidden", message: expect.any(String) } });
        }
      }
      // The table's shape, as a reader expects it: admins are refused nothing.
      if (role === "admin") expect(denied).toEqual([]);
      else expect(denied.length).toBeGreaterThan(0);
    });
  }
});
