"use client";

import { useQuery } from "@tanstack/react-query";
import type { QueryKey, UseQueryOptions } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { ConsoleAnswerError } from "@/lib/api/answers";

export type SearchState<T> = { kind: "idle" } | { kind: "searching" } | { kind: "done"; result: T } | { kind: "failed"; message: string };

/**
 * Asks a JSON route handler as the user types: waits `delayMs` after the last keystroke, then runs the query
 * `options(term)` gives (one per term: a stale term's request is dropped, and a term asked again recently
 * answers from the tab's cache), and turns a failure into a message. Empty text is no search.
 */
export function useSearch<T, K extends QueryKey>(text: string, options: (term: string) => UseQueryOptions<T, Error, T, K>, delayMs = 250): SearchState<T> {
  const term = text.trim();
  const [settled, setSettled] = useState(term);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(term), delayMs);
    return () => clearTimeout(timer);
  }, [term, delayMs]);
  const query = useQuery({ ...options(settled), enabled: settled !== "" });
  // With no text there is nothing to show, whatever an earlier search found; while a term settles, the last answer stays.
  if (!term || !settled) return term ? { kind: "searching" } : { kind: "idle" };
  if (query.isPending) return { kind: "searching" };
  if (query.isError) {
    const err = query.error;
    return { kind: "failed", message: err instanceof ConsoleAnswerError ? err.message : "The console could not be reached. Try again." };
  }
  return { kind: "done", result: query.data };
}
