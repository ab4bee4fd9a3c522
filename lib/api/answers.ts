// No "server-only": the browser side reads the console's route-handler answers with it. It holds no secret.

/** The message in the console's JSON error shape, `{ error: { message } }`, or null when a body is not that shape. */
export function errorMessageOf(body: unknown): string | null {
  if (typeof body !== "object" || body === null || !("error" in body)) return null;
  const { error } = body;
  if (typeof error !== "object" || error === null || !("message" in error)) return null;
  return typeof error.message === "string" ? error.message : null;
}

/** A route handler answered with an error; the message is the console's own, in plain words. */
export class ConsoleAnswerError extends Error {
  constructor(
    message: string,
    /** The HTTP status; 0 when the console could not be reached at all. */
    readonly status: number,
    /** Seconds the answer asked the caller to wait (Retry-After), if it said. */
    readonly retryAfterS: number | null = null,
  ) {
    super(message);
    this.name = "ConsoleAnswerError";
  }
}

/**
 * The JSON body of a route handler's answer, or a ConsoleAnswerError carrying the console's message (or
 * `fallback(status)` when the answer does not say). The body's type is the handler's to keep.
 */
export async function readAnswer<T>(response: Response, fallback: (status: number) => string): Promise<T> {
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const retryAfter = Number(response.headers.get("retry-after") ?? Number.NaN);
    throw new ConsoleAnswerError(errorMessageOf(body) ?? fallback(response.status), response.status, Number.isFinite(retryAfter) ? retryAfter : null);
  }
  // The route handler's DTO is the declared type; the browser trusts its own console's answer.
  return body as T;
}
