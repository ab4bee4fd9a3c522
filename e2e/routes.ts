// The inventory of the console's routes: every page.tsx and route.ts under app/, with who may open it and a
// URL that opens it (e2e/inventory.spec.ts checks it is complete; the accessibility spec visits its pages).
import type { APIRequestContext } from "@playwright/test";
import type { Permission } from "../lib/auth/permissions";
import { expect } from "./fixtures";
import { emulator } from "./requests";

/**
 * Who may open a route: anyone, any signed-in account, the holders of one permission, or the holders of a
 * token from the settings (a scraper's), whom no session stands in for.
 */
export type Access = "public" | "signed-in" | "token" | Permission;

export interface Ids {
  liveEvent: string;
  user: string;
  call: string;
  room: string;
}

export interface Route {
  access: Access;
  /** A URL that opens it, with real ids where the path has a segment. */
  url(ids: Ids): string;
  /** The status a role allowed to open it gets, when that URL cannot succeed here (200 otherwise). */
  answers?: number;
}

const at = (url: string) => () => url;

/** Every `page.tsx` and `route.ts` under app/, by path, with the access it must enforce. */
export const inventory: Record<string, Route> = {
  "(auth)/sign-in/page.tsx": { access: "public", url: at("/sign-in") },
  "(auth)/change-password/page.tsx": { access: "signed-in", url: at("/change-password") },
  "(console)/(overview)/page.tsx": { access: "data.read", url: at("/") },
  "(console)/account/page.tsx": { access: "data.read", url: at("/account") },
  "(console)/audit/page.tsx": { access: "audit.read", url: at("/audit?outcome=denied") },
  "(console)/settings/page.tsx": { access: "accounts.manage", url: at("/settings") },
  "(console)/tokens/page.tsx": { access: "tokens.manage", url: at("/tokens") },
  "(console)/sync/page.tsx": { access: "data.read", url: at("/sync") },
  "(console)/alerts/(list)/page.tsx": { access: "data.read", url: at("/alerts") },
  "(console)/alerts/setup/page.tsx": { access: "alerts.manage", url: at("/alerts/setup") },
  "(console)/live-events/(list)/page.tsx": { access: "data.read", url: at("/live-events?limit=10") },
  "(console)/live-events/live/page.tsx": { access: "data.read", url: at("/live-events/live") },
  "(console)/live-events/new/page.tsx": { access: "liveEvents.operate", url: at("/live-events/new") },
  "(console)/live-events/[liveEventId]/page.tsx": { access: "data.read", url: (ids) => `/live-events/${ids.liveEvent}` },
  "(console)/users/(list)/page.tsx": { access: "data.read", url: at("/users") },
  "(console)/users/[userId]/page.tsx": { access: "data.read", url: (ids) => `/users/${encodeURIComponent(ids.user)}` },
  "(console)/calls/(list)/page.tsx": { access: "data.read", url: at("/calls?limit=10") },
  "(console)/calls/[callId]/page.tsx": { access: "data.read", url: (ids) => `/calls/${ids.call}` },
  "(console)/calls/overview/page.tsx": { access: "data.read", url: at("/calls/overview") },
  "(console)/calls/rooms/(list)/page.tsx": { access: "data.read", url: at("/calls/rooms") },
  "(console)/calls/rooms/[roomId]/page.tsx": { access: "data.read", url: (ids) => `/calls/rooms/${ids.room}` },
  "api/health/route.ts": { access: "public", url: at("/api/health") },
  "api/health/live/route.ts": { access: "public", url: at("/api/health/live") },
  "api/health/ready/route.ts": { access: "public", url: at("/api/health/ready") },
  // The e2e console has a metrics token (e2e/standalone.spec.ts scrapes a console with it).
  "api/metrics/route.ts": { access: "token", url: at("/api/metrics") },
  "api/auth/[...nextauth]/route.ts": { access: "public", url: at("/api/auth/providers") },
  "api/accounts/route.ts": { access: "accounts.manage", url: at("/api/accounts") },
  "api/audit/route.ts": { access: "audit.read", url: at("/api/audit?outcome=denied") },
  "api/audit/export/route.ts": { access: "audit.read", url: at("/api/audit/export?action=none") },
  "api/tokens/route.ts": { access: "tokens.manage", url: at("/api/tokens") },
  "api/jump/route.ts": { access: "data.read", url: at("/api/jump?q=a") },
  "api/live-events/route.ts": { access: "data.read", url: at("/api/live-events?limit=10") },
  "api/live-events/on-air/route.ts": { access: "data.read", url: at("/api/live-events/on-air") },
  "api/live-events/live-parts/route.ts": { access: "data.read", url: (ids) => `/api/live-events/live-parts?id=${ids.liveEvent}` },
  "api/sync/route.ts": { access: "data.read", url: at("/api/sync") },
  "api/live-events/export/route.ts": { access: "data.read", url: at("/api/live-events/export?state=ongoing") },
  "api/users/route.ts": { access: "data.read", url: at("/api/users?limit=10") },
  "api/users/search/route.ts": { access: "data.read", url: at("/api/users/search?q=a") },
  "api/users/[userId]/bundle/route.ts": { access: "data.read", url: (ids) => `/api/users/${encodeURIComponent(ids.user)}/bundle?format=json` },
  "api/calls/route.ts": { access: "data.read", url: at("/api/calls?limit=10") },
  "api/calls/export/route.ts": { access: "data.read", url: (ids) => `/api/calls/export?user_id=${encodeURIComponent(ids.user)}` },
  "api/calls/rooms/route.ts": { access: "data.read", url: at("/api/calls/rooms") },
  // An expired link (410): a live one needs the console's key, and no image host answers here.
  "api/images/route.ts": { access: "data.read", url: at(`/api/images?u=https%3A%2F%2Fimages.example%2Fa.png&exp=1&sig=${"A".repeat(43)}`), answers: 410 },
};

/** Real ids for the routes with a segment: the newest live event, user and call, and a new room. */
export async function sampleIds(request: APIRequestContext): Promise<Ids> {
  const events = await emulator<{ live_events: { live_event_id: string }[] }>(request, "GET", "/v1/live-events?limit=1");
  const users = await emulator<{ users: { user_id: string }[] }>(request, "GET", "/v3/users?limit=1");
  const calls = await emulator<{ calls: { call_id: string }[] }>(request, "GET", "/v1/direct_calls?limit=1");
  const { room } = await emulator<{ room: { room_id: string } }>(request, "POST", "/v1/rooms", { type: "small_room_for_video" });
  const ids = {
    liveEvent: events.live_events[0]?.live_event_id ?? "",
    user: users.users[0]?.user_id ?? "",
    call: calls.calls[0]?.call_id ?? "",
    room: room.room_id,
  };
  expect(Object.values(ids).every(Boolean), "the emulator's demo world has an event, a user and a call").toBe(true);
  return ids;
}

export const isApi = (file: string) => file.startsWith("api/");
