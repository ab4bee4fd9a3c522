"use client";

import { useEffect, useState } from "react";
import { ConsoleAnswerError, readAnswer } from "@/lib/api/answers";

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
        setState({ kind: "done", result: await readAnswer<T>(response, (status) => `The search failed (HTTP ${status}).`) });
      } catch (err) {
        if (controller.signal.aborted) return;
        setState({ kind: "failed", message: err instanceof ConsoleAnswerError ? err.message : "The console could not be reached. Try again." });
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
