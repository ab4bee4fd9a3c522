// Server actions as TanStack mutations: an action's `{ ok: false }` becomes a thrown ActionFailure, so a
// mutation's error state (and an optimistic update's rollback) follows it. No secret, no server code.
import type { ActionResult } from "@/lib/actions/core";

type Failure = Extract<ActionResult<unknown>, { ok: false }>["error"];

/** An action refused or failed; `failure` is its answer (code, message, per-field messages). */
export class ActionFailure extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
    this.name = "ActionFailure";
  }

  /** Sendbird never confirmed the change: it may or may not have been made, so nothing can be rolled back blindly. */
  get unconfirmed(): boolean {
    return this.failure.code === "unconfirmed";
  }
}

/** The action as a mutation function: its data, or an ActionFailure (a lost connection is one too). */
export function asMutation<I, T>(action: (input: I) => Promise<ActionResult<T>>): (input: I) => Promise<T> {
  return async (input) => {
    let result: ActionResult<T>;
    try {
      result = await action(input);
    } catch {
      throw new ActionFailure({ code: "network", message: "The console could not be reached. Check your connection and try again." });
    }
    if (!result.ok) throw new ActionFailure(result.error);
    return result.data;
  };
}

/** The failure of a mutation's error, whatever was thrown. */
export function failureOf(err: unknown): Failure | null {
  if (err === null || err === undefined) return null;
  return err instanceof ActionFailure ? err.failure : { code: "failed", message: err instanceof Error ? err.message : String(err) };
}
