"use client";

import { useEffect, useId, useRef, useState, useTransition } from "react";
import type { ZodMiniType } from "zod/mini";
import type { ActionResult } from "@/lib/actions/core";
import { issueFields } from "@/lib/fields";

type Failure = Extract<ActionResult<unknown>, { ok: false }>["error"];

/**
 * Runs a server action from a form or button: pending state, the error message and per-field messages.
 * Given the action's input schema, it checks the input first and sends nothing until every field holds.
 * A second call while one is in flight is dropped (a double click sends one request), and a network
 * failure reads as a message too, never an unhandled rejection. When fields fail, here or on the server,
 * the first invalid field of the form whose `id` is `formId` takes focus, so a keyboard or screen reader
 * user lands on the message.
 *
 * The schema is a zod/mini one: a schema checked here is bundled for the browser, and full zod is many
 * times its size.
 */
export function useAction<I, T>(action: (input: I) => Promise<ActionResult<T>>, options: { schema?: ZodMiniType } = {}) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<Failure | null>(null);
  const inFlight = useRef(false);
  const formId = useId();

  useEffect(() => {
    const form = document.getElementById(formId);
    if (error?.fields && form instanceof HTMLFormElement) firstInvalid(form, Object.keys(error.fields))?.focus();
  }, [error, formId]);

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

  return { run, pending, error, fieldError: (name: string) => error?.fields?.[name], formError, reset: () => setError(null), formId };
}

/** The first control in document order marked `aria-invalid`, else the first named after a failed field. */
function firstInvalid(form: HTMLFormElement, fields: string[]): HTMLElement | null {
  const marked = form.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (marked) return marked;
  for (const control of form.elements) {
    if (control instanceof HTMLElement && "name" in control && typeof control.name === "string" && fields.includes(control.name)) return control;
  }
  return null;
}

/** The form's fields as strings, for actions whose schemas parse them. */
export function formFields(form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of new FormData(form)) if (typeof value === "string") out[key] = value;
  return out;
}
