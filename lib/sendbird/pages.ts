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

/** Builds a listing from a page fetcher; `all` follows `next` until the end. */
export function listing<P extends { next?: string | undefined }, T>(fetchPage: (params: P) => Promise<Page<T>>): Listing<P, T> {
  const list = (params?: P) => fetchPage((params ?? {}) as P);
  return Object.assign(list, {
    all(params?: Omit<P, "next" | "prev" | "token">): AsyncIterable<T> {
      return {
        async *[Symbol.asyncIterator]() {
          let next: string | undefined;
          do {
            const page = await fetchPage({ ...(params ?? {}), next } as P);
            yield* page.items;
            next = page.next || undefined;
          } while (next);
        },
      };
    },
  });
}

/** Encodes one path id, so ids with `/`, `%`, spaces or unicode stay one segment. */
export const id = (value: string): string => encodeURIComponent(value);
