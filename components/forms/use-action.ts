"use client";

import { useRef, useState, useTransition } from "react";
import type { z } from "zod";
import type { ActionResult } from "@/lib/actions/core";
import { issueFields } from "@/lib/fields";

type Failure = Extract<ActionResult<unknown>, { ok: false }>["error"];

/**
 * Runs a server action from a form or button: pending state, the error message and per-field messages.
 * Given the action's input schema, it checks the input first and sends nothing until every field holds.
 * A second call while one is in flight is dropped (a double click sends one request), and a network
 * failure reads as a message too, never an unhandled rejection.
 */
export function useAction<I, T>(action: (input: I) => Promise<ActionResult<T>>, options: { schema?: z.ZodType } = {}) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<Failure | null>(null);
  const inFlight = useRef(false);

  function run(input: I, onSuccess?: (data: T) => void | Promise<void>) {
    if (inFlight.current) return;
    const checked = options.schema?.safeParse(input);
    if (checked && !checked.success) {
      setError({ code: "invalid_input", message: "Some fields need attention.", fields: issueFields(checked.error.issues) });
      return;
    }
    setError(null);
    inFlight.current = true;
    startTransition(async () => {
      let result: ActionResult<T>;
      try {
        result = await action(input);
      } catch {
        setError({ code: "network", message: "The console could not be reached. Check your connection and try again." });
        return;
      } finally {
        inFlight.current = false;
      }
      if (!result.ok) {
        setError(result.error);
        return;
      }
      await onSuccess?.(result.data);
    });
  }

  /**
   * The message for the top of the form: the first of `fields` that has an error (fields with no input of
   * their own, such as a whole list), else the failure itself unless it is only about fields shown beside them.
   */
  function formError(...fields: string[]): string | undefined {
    if (!error) return undefined;
    for (const f of fields) if (error.fields?.[f]) return error.fields[f];
    return error.fields ? undefined : error.message;
  }

  return { run, pending, error, fieldError: (name: string) => error?.fields?.[name], formError, reset: () => setError(null) };
}

/** The form's fields as strings, for actions whose schemas parse them. */
export function formFields(form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of new FormData(form)) if (typeof value === "string") out[key] = value;
  return out;
}
