"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/core";

type Failure = Extract<ActionResult<unknown>, { ok: false }>["error"];

/**
 * Runs a server action from a form or button: pending state, the error message and per-field messages.
 * A network failure reads as a message too, never an unhandled rejection.
 */
export function useAction<I, T>(action: (input: I) => Promise<ActionResult<T>>) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<Failure | null>(null);

  function run(input: I, onSuccess?: (data: T) => void | Promise<void>) {
    setError(null);
    startTransition(async () => {
      let result: ActionResult<T>;
      try {
        result = await action(input);
      } catch {
        setError({ code: "network", message: "The console could not be reached. Check your connection and try again." });
        return;
      }
      if (!result.ok) {
        setError(result.error);
        return;
      }
      await onSuccess?.(result.data);
    });
  }

  return { run, pending, error, fieldError: (name: string) => error?.fields?.[name], reset: () => setError(null) };
}

/** The form's fields as strings, for actions whose schemas parse them. */
export function formFields(form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of new FormData(form)) if (typeof value === "string") out[key] = value;
  return out;
}
