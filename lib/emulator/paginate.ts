import { z } from "zod";
import { EmulatorError } from "./errors";

/** A position in a list: the sort value and id of one item. Lists are ordered by (sort, id). */
export interface Cursor {
  sort: number;
  id: string;
}

const tokenSchema = z.object({ l: z.string(), s: z.number(), i: z.string() });

/** Encodes a page token: opaque to clients, bound to one list. */
export function encodeToken(list: string, cursor: Cursor): string {
  return Buffer.from(JSON.stringify({ l: list, s: cursor.sort, i: cursor.id })).toString("base64url");
}

/** Decodes a page token, refusing tokens that are garbage or belong to another list. */
export function decodeToken(list: string, token: string, param: string): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
  } catch {
    parsed = undefined;
  }
  const result = tokenSchema.safeParse(parsed);
  if (!result.success || result.data.l !== list) {
    throw new EmulatorError("invalid", `"${param}" is not a valid page token.`, { chatCode: 400109 });
  }
  return { sort: result.data.s, id: result.data.i };
}

export interface PageRequest {
  limit: number;
  next?: string | undefined;
  prev?: string | undefined;
  /** The query parameter that carries `next` on this list (the Chat users list calls it `token`). */
  nextParam?: string | undefined;
}

export interface Page<T> {
  items: T[];
  next: string | null;
  prev: string | null;
  hasNext: boolean;
}

/**
 * Keyset pagination over items kept in list order. `compare` orders items; a token holds the key of the
 * item it was cut at, so items created or removed between pages never shift what comes next.
 */
export function paginate<T>(
  list: string,
  items: readonly T[],
  keyOf: (item: T) => Cursor,
  compare: (a: Cursor, b: Cursor) => number,
  request: PageRequest,
): Page<T> {
  if (request.next && request.prev) throw new EmulatorError("invalid", 'Send either "next" or "prev", not both.');
  let start = 0;
  let end = items.length;
  if (request.next) {
    const cursor = decodeToken(list, request.next, request.nextParam ?? "next");
    start = firstAfter(items, keyOf, compare, cursor);
    end = Math.min(items.length, start + request.limit);
  } else if (request.prev) {
    const cursor = decodeToken(list, request.prev, "prev");
    end = firstAfter(items, keyOf, compare, cursor, true);
    start = Math.max(0, end - request.limit);
  } else {
    end = Math.min(items.length, request.limit);
  }
  const page = items.slice(start, end);
  const first = page[0];
  const last = page[page.length - 1];
  const hasNext = end < items.length;
  return {
    items: page,
    next: hasNext && last !== undefined ? encodeToken(list, keyOf(last)) : null,
    prev: start > 0 && first !== undefined ? encodeToken(list, keyOf(first)) : null,
    hasNext,
  };
}

/** Index of the first item ordered after the cursor (or at/after it when `inclusive`). */
function firstAfter<T>(items: readonly T[], keyOf: (item: T) => Cursor, compare: (a: Cursor, b: Cursor) => number, cursor: Cursor, inclusive = false): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const item = items[mid] as T;
    const c = compare(keyOf(item), cursor);
    if (c < 0 || (c === 0 && !inclusive)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Newest first: larger sort value first, then larger id. */
export function newestFirst(a: Cursor, b: Cursor): number {
  if (a.sort !== b.sort) return b.sort - a.sort;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** Oldest first: smaller sort value first, then smaller id. */
export function oldestFirst(a: Cursor, b: Cursor): number {
  return newestFirst(b, a);
}

/** Inserts an item into a list kept sorted by `compare`. */
export function insertSorted<T>(items: T[], item: T, keyOf: (item: T) => Cursor, compare: (a: Cursor, b: Cursor) => number): void {
  const key = keyOf(item);
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(keyOf(items[mid] as T), key) < 0) lo = mid + 1;
    else hi = mid;
  }
  items.splice(lo, 0, item);
}
