import "server-only";

/** One page of a list, with the tokens to move on. Any falsy token means there is no such page. */
export interface Page<T> {
  items: T[];
  next: string | null;
  prev: string | null;
}

/** A list method: one page for given params, and an async iterator over every item of every page. */
export interface Listing<P, T> {
  (params?: P): Promise<Page<T>>;
  all(params?: Omit<P, "next" | "prev" | "token">): AsyncIterable<T>;
}

/**
 * Builds a listing from a page fetcher; `all` follows `next` until the end, asking for the next page while
 * the caller works through the current one (one request ahead at most, still through the rate limiter).
 */
export function listing<P extends { next?: string | undefined }, T>(fetchPage: (params: P) => Promise<Page<T>>): Listing<P, T> {
  const list = (params?: P) => fetchPage((params ?? {}) as P);
  return Object.assign(list, {
    all(params?: Omit<P, "next" | "prev" | "token">): AsyncIterable<T> {
      return {
        async *[Symbol.asyncIterator]() {
          const fetchAfter = (next: string | undefined) => {
            const pending = fetchPage({ ...(params ?? {}), next } as P);
            // A page fetched ahead that the caller never reaches must not become an unhandled rejection.
            pending.catch(() => undefined);
            return pending;
          };
          let pending: Promise<Page<T>> | null = fetchAfter(undefined);
          while (pending) {
            const page: Page<T> = await pending;
            pending = page.next ? fetchAfter(page.next) : null;
            yield* page.items;
          }
        },
      };
    },
  });
}

/**
 * Encodes one path id, so ids with `/`, `%`, spaces or unicode stay one segment. `.` and `..` would still
 * be read as "this" and "up one" segments by any URL parser, so they are refused: no Sendbird id is one.
 */
export const id = (value: string): string => {
  if (value === "." || value === "..") throw new TypeError(`"${value}" cannot be an id in a path.`);
  return encodeURIComponent(value);
};
