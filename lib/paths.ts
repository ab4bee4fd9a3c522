// No "server-only": pure address building, holding no secret; pages, client components and tests use it.

/**
 * Whether an id can be one segment of a console address. Every URL parser reads `.` and `..` as steps, even
 * spelled `%2E`, so no address can carry them; the schemas of every id refuse them too.
 */
export function isPathSegment(id: string): boolean {
  return id !== "." && id !== "..";
}

/** Encodes an id exactly once, so `/`, `%`, `?`, `#`, spaces and unicode stay one segment of the path. */
function segment(id: string): string {
  if (!isPathSegment(id)) throw new TypeError(`"${id}" cannot be one segment of an address.`);
  return encodeURIComponent(id);
}

/** A user's case file. Every link to one is built here. */
export const userPath = (userId: string): string => `/users/${segment(userId)}`;

/** A user's support bundle (a route handler). */
export const userBundlePath = (userId: string): string => `/api/users/${segment(userId)}/bundle`;

/** A live event's page. */
export const liveEventPath = (liveEventId: string): string => `/live-events/${segment(liveEventId)}`;

/** A direct call's page. */
export const callPath = (callId: string): string => `/calls/${segment(callId)}`;

/** A group-call room's page. */
export const roomPath = (roomId: string): string => `/calls/rooms/${segment(roomId)}`;

/**
 * The id a page's dynamic segment names. Next 16 hands a page its `params` percent-encoded (`a%2Fb` for
 * `a/b`; route handlers get them decoded), so every page decodes its id here, exactly once.
 */
export function idFromParam(param: string): string {
  try {
    return decodeURIComponent(param);
  } catch {
    // The proxy refuses an address whose escapes are not UTF-8 before any page sees it.
    return param;
  }
}

/** The request header proxy.ts sets on every page request but the client router's prefetches, which skip it. */
export const visitHeader = "x-showrunner-visit";
