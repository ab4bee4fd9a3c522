"use client";

import { useEffect, useState } from "react";

export type SearchState<T> = { kind: "idle" } | { kind: "searching" } | { kind: "done"; result: T } | { kind: "failed"; message: string };

/**
 * Asks a JSON route handler as the user types: waits `delayMs` after the last keystroke, drops an answer
 * that a newer keystroke made stale, and turns a failure into a message. Empty text is no search.
 */
export function useSearch<T>(text: string, url: (term: string) => string, delayMs = 250) {
  const [state, setState] = useState<SearchState<T>>({ kind: "idle" });
  const term = text.trim();
  useEffect(() => {
    if (!term) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setState({ kind: "searching" });
      try {
        const response = await fetch(url(term), { signal: controller.signal });
        const body = (await response.json()) as T & { error?: { message: string } };
        setState(
          response.ok ? { kind: "done", result: body } : { kind: "failed", message: body.error?.message ?? `The search failed (HTTP ${response.status}).` },
        );
      } catch {
        if (!controller.signal.aborted) setState({ kind: "failed", message: "The console could not be reached. Try again." });
      }
    }, delayMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // `url` builds the address from the term alone; a new function each render is the same search.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [term, delayMs]);
  // With no text there is nothing to show, whatever an earlier search found.
  return term ? state : ({ kind: "idle" } as SearchState<T>);
}
