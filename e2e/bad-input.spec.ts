// Hostile and malformed input at every page and route handler (fast-check): a clear 4xx or a message on the
// page, never a 500; and hostile text saved in Sendbird is shown as text, never run.
import fc from "fast-check";
import { demo, signIn } from "./auth";
import { expect, test } from "./fixtures";
import { emulator } from "./requests";
import { inventory, isApi, sampleIds } from "./routes";
import type { Ids } from "./routes";
import { e2e } from "./servers";

// One seed for every run, so a red run is the code's doing and replays as it failed; FC_SEED tries others.
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 926), endOnFailure: true });

/** Strings a careless console would choke on. */
const hostile = fc.oneof(
  fc.constantFrom(
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "../../v3/users",
    "..",
    ".",
    "%2e%2e%2f",
    "a/b",
    "\u202Egnp.exe",
    "a\u200Db",
    "\u0000",
    "\ud800",
    "🎬🎬",
    "e\u0301\u0301\u0301",
    "-1",
    "1e309",
    "NaN",
    "[object Object]",
    "' or 1=1 --",
    "",
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.string({ minLength: 2000, maxLength: 10_000 }),
);

/** Query keys the console's filters use, and some it does not. */
const keys = fc.constantFrom(
  "q",
  "limit",
  "state",
  "from",
  "to",
  "user",
  "user_id",
  "role",
  "before",
  "after",
  "next",
  "prev",
  "format",
  "type",
  "outcome",
  "action",
  "target",
  "actor",
  "end_result",
  "created_after",
  "created_before",
  "sort",
  "__proto__",
  "constructor",
  "x",
);

const query = fc.array(fc.tuple(keys, hostile), { minLength: 1, maxLength: 4 }).map((pairs) => {
  const params = new URLSearchParams();
  for (const [key, value] of pairs) params.append(key, value);
  return params.toString();
});

/**
 * A path segment: hostile, then encoded as a browser would send it. No URL can carry a lone surrogate; in
 * its place go the bytes of one, which are not UTF-8.
 */
const segment = hostile.filter((s) => s.length > 0).map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, "\u0001")).replaceAll("%01", "%ED%A0%80"));

const withSegment: Record<string, (s: string) => string> = {
  "(console)/live-events/[liveEventId]/page.tsx": (s) => `/live-events/${s}`,
  "(console)/users/[userId]/page.tsx": (s) => `/users/${s}`,
  "(console)/calls/[callId]/page.tsx": (s) => `/calls/${s}`,
  "(console)/calls/rooms/[roomId]/page.tsx": (s) => `/calls/rooms/${s}`,
  "api/users/[userId]/bundle/route.ts": (s) => `/api/users/${s}/bundle`,
};

/** Status of a GET, without reading a streamed body to its end (a CSV export of everything). */
async function statusOf(path: string, cookie: string): Promise<{ status: number; body: string }> {
  const res = await fetch(`${e2e.baseURL}${path}`, { headers: { cookie }, redirect: "manual" });
  const type = res.headers.get("content-type") ?? "";
  if (type.includes("json")) return { status: res.status, body: await res.text() };
  await res.body?.cancel();
  return { status: res.status, body: "" };
}

test.describe("bad input", () => {
  let ids: Ids;
  let cookie = "";

  test.beforeAll(async ({ browser, request }) => {
    ids = await sampleIds(request);
    const context = await browser.newContext();
    await signIn(await context.newPage(), demo.admin);
    cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    await context.close();
  });

  test("every route handler answers hostile query strings with a clear 4xx or its data, never a 500", async () => {
    test.setTimeout(180_000);
    const handlers = Object.entries(inventory).filter(([file, route]) => isApi(file) && route.access !== "public");
    for (const [file, route] of handlers) {
      const base = route.url(ids).split("?")[0] ?? "";
      await fc.assert(
        fc.asyncProperty(query, async (q) => {
          const { status, body } = await statusOf(`${base}?${q}`, cookie);
          expect(status, `${file} ?${q}`).toBeLessThan(500);
          // 431: Node refuses a request line over its header limit before the console sees it.
          if (status >= 400 && status !== 431) {
            const error = (JSON.parse(body) as { error: { code: string; message: string } }).error;
            expect(error.code).toMatch(/^[a-z_0-9]+$/);
            expect(error.message.length).toBeGreaterThan(5);
          }
        }),
        { numRuns: 12 },
      );
    }
  });

  test("every page answers hostile query strings and ids with a page, never a 500", async () => {
    test.setTimeout(180_000);
    const pages = Object.entries(inventory).filter(([file]) => !isApi(file));
    for (const [file, route] of pages) {
      const base = route.url(ids).split("?")[0] ?? "";
      await fc.assert(
        fc.asyncProperty(query, async (q) => {
          const { status } = await statusOf(`${base}?${q}`, cookie);
          expect(status, `${file} ?${q}`).toBeLessThan(500);
        }),
        { numRuns: 6 },
      );
    }
    for (const [file, build] of Object.entries(withSegment)) {
      await fc.assert(
        fc.asyncProperty(segment, async (s) => {
          const { status } = await statusOf(build(s), cookie);
          expect(status, `${file} ${s.slice(0, 80)}`).toBeLessThan(500);
        }),
        { numRuns: 15 },
      );
    }
  });

  test("hostile text saved in Sendbird is shown as text on every page that shows it, never run", async ({ page, request }) => {
    const title = `<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1"> e2e ${Date.now()}`;
    const userId = `e2e-hostile-${Date.now()}`;
    const nickname = `<img src=x onerror="window.__pwned=1">\u202Eevil`;
    await emulator(request, "POST", "/v3/users", { user_id: userId, nickname, profile_url: "" });
    const created = await emulator<{ live_event: { live_event_id: string } }>(request, "POST", "/v1/live-events", {
      host_type: "single_host",
      title,
      user_ids_for_host: [userId],
    });
    const live_event_id = created.live_event.live_event_id;
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await signIn(page, demo.admin);
    const shown = [
      [`/live-events/${live_event_id}`, title],
      ["/live-events?limit=10", title],
      [`/users/${encodeURIComponent(userId)}`, nickname],
    ] as const;
    for (const [url, text] of shown) {
      await page.goto(url);
      await expect(page.getByText(text).first(), url).toBeVisible();
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), url).toBeUndefined();
      expect(await page.locator("img[src='x']").count(), url).toBe(0);
    }
    expect(dialogs).toEqual([]);
  });
});
