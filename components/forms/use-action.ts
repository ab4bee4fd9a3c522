"use client";

import { useEffect, useId, useMemo, useRef, useState, useTransition } from "react";
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
 * user lands on the message. Given the form's current `input` too, a field's message lasts only while the field
 * keeps the value it was refused with, or (with a schema) while it is still invalid, with the current reason.
 *
 * The schema is a zod/mini one: a schema checked here is bundled for the browser, and full zod is many
 * times its size.
 */
export function useAction<I, T>(action: (input: I) => Promise<ActionResult<T>>, options: { schema?: ZodMiniType; input?: I } = {}) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<Failure | null>(null);
  const [refused, setRefused] = useState<{ input: I } | null>(null);
  const { schema, input: current } = options;
  const fields = useMemo(() => stillFailing(error?.fields, refused, current, schema), [error, refused, current, schema]);
  const inFlight = useRef(false);
  const formId = useId();

  useEffect(() => {
    const form = document.getElementById(formId);
    if (error?.fields && form instanceof HTMLFormElement) firstInvalid(form, Object.keys(error.fields))?.focus();
  }, [error, formId]);

  function run(input: I, onSuccess?: (data: T) => void | Promise<void>) {
    if (inFlight.current) return;
    const checked = schema?.safeParse(input);
    setRefused({ input });
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
   * The message for the top of the form: the first of `names` that has an error (fields with no input of
   * their own, such as a whole list), else the failure itself unless it is only about fields shown beside them.
   */
  function formError(...names: string[]): string | undefined {
    if (!error) return undefined;
    for (const f of names) if (fields?.[f]) return fields[f];
    return fields ? undefined : error.message;
  }

  return { run, pending, error, fieldError: (name: string) => fields?.[name], formError, reset: () => setError(null), formId };
}

/** The value at a field's path (`customItems.2.key`) in an input. */
function valueAt(input: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((v, key) => (v !== null && typeof v === "object" ? (v as Record<string, unknown>)[key] : undefined), input);
}

/**
 * The field messages that still hold for the form's current input: a field unchanged since it was refused keeps
 * its message; a changed one keeps a message only if the schema still refuses it (its current message).
 */
export function stillFailing<I>(
  fields: Record<string, string> | undefined,
  refused: { input: I } | null,
  current: I | undefined,
  schema: ZodMiniType | undefined,
): Record<string, string> | undefined {
  if (!fields || !refused || current === undefined) return fields;
  const checked = schema?.safeParse(current);
  const now = checked && !checked.success ? issueFields(checked.error.issues) : {};
  const kept: Record<string, string> = {};
  for (const [name, message] of Object.entries(fields)) {
    const same = JSON.stringify(valueAt(current, name)) === JSON.stringify(valueAt(refused.input, name));
    const reason = same ? message : now[name];
    if (reason) kept[name] = reason;
  }
  return kept;
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
