import { expect } from "@playwright/test";
import type { APIRequestContext, Page } from "@playwright/test";
import { defaultMasterToken } from "../lib/emulator/emulator";
import { e2e } from "./servers";

export const master = { "Api-Token": defaultMasterToken, "content-type": "application/json" };

/** A request to the e2e emulator (Platform API or control plane) with the master token; it must succeed. */
export async function emulator<T>(request: APIRequestContext, method: "GET" | "POST" | "PUT" | "DELETE", path: string, data?: unknown): Promise<T> {
  const answer = await request.fetch(`${e2e.emulatorURL}${path}`, { method, headers: master, ...(data !== undefined ? { data } : {}) });
  expect(answer.ok(), `${method} ${path}: ${await answer.text()}`).toBe(true);
  return (await answer.json()) as T;
}

/** Creates a user, waiting out the emulator's limit on writes (5 a second for the whole application). */
export async function createUser(request: APIRequestContext, user_id: string, nickname: string): Promise<void> {
  await expect(() => emulator(request, "POST", "/v3/users", { user_id, nickname, profile_url: "" })).toPass({ intervals: [1_000], timeout: 20_000 });
}

/**
 * Sends a host candidate on air in an event on air: enters and connects them. The demo simulator sends a
 * candidate of a hostless event on air by itself, and may have done either step first: that is the same end.
 */
export async function hostOnAir(request: APIRequestContext, eventId: string, userId: string): Promise<void> {
  const entering = await request.post(`${e2e.emulatorURL}/__emulator/live-events/${eventId}/hosts`, { headers: master, data: { user_id: userId } });
  if (!entering.ok()) {
    expect(await entering.text()).toContain("is already hosting this live event");
    return;
  }
  const { host } = (await entering.json()) as { host: { host_id: string } };
  const connecting = await request.post(`${e2e.emulatorURL}/__emulator/live-events/${eventId}/hosts/${host.host_id}/connect`, { headers: master });
  if (!connecting.ok()) expect(await connecting.text()).toContain("is already connected");
}

export interface CapturedAction {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * Holds back the next server-action request the page sends to `path` and keeps it, so a test can replay
 * it as another account (a forged call). Call the result once the page has sent it.
 */
export async function captureAction(page: Page, path: string): Promise<() => Promise<CapturedAction>> {
  let captured: CapturedAction | null = null;
  await page.route(`**${path}`, async (route) => {
    const req = route.request();
    if (req.method() === "POST" && req.headers()["next-action"]) {
      captured = { url: req.url(), headers: req.headers(), body: req.postData() ?? "" };
      // Blocked "by the client": e2e/fixtures.ts knows this failure as the test's own doing.
      await route.abort("blockedbyclient");
      return;
    }
    await route.continue();
  });
  return async () => {
    await expect.poll(() => captured).not.toBeNull();
    await page.unroute(`**${path}`);
    // The poll above proved it set; TypeScript cannot see a write made inside the route callback.
    return captured as unknown as CapturedAction;
  };
}

/** Sends a captured server action from another signed-in page, as that page's account; returns the answer's text. */
export async function replayAction(page: Page, action: CapturedAction): Promise<string> {
  const answer = await page.request.post(action.url, {
    headers: {
      "next-action": action.headers["next-action"] ?? "",
      "content-type": action.headers["content-type"] ?? "text/plain;charset=UTF-8",
      accept: "text/x-component",
    },
    data: action.body,
  });
  return answer.text();
}
