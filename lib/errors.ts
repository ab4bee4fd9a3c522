import {
  SendbirdAuthError,
  SendbirdConflictError,
  SendbirdConnectionError,
  SendbirdError,
  SendbirdNotFoundError,
  SendbirdPermissionError,
  SendbirdRateLimitError,
  SendbirdResponseError,
  SendbirdServerError,
  SendbirdStateError,
  SendbirdTimeoutError,
} from "@/lib/sendbird/errors";

/** A failure of the console itself (bad input, missing permission, misconfiguration), with a stable code. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = "AppError";
  }
}

/** Input the console refuses after looking (a wrong current password, a taken e-mail), named by field. */
export class FieldError extends AppError {
  constructor(
    readonly fields: Record<string, string>,
    message = "Some fields need attention.",
  ) {
    super("invalid_input", message);
    this.name = "FieldError";
  }
}

/** A user-facing explanation: a short title and a sentence that says what to do. */
export interface Explanation {
  title: string;
  detail: string;
  /** Sendbird's own code and host, when Sendbird answered. */
  code: number | null;
  host: "calls" | "chat" | null;
  /** Whether trying again may help. */
  retryable: boolean;
}

const hostNames = { calls: "Live & Calls API", chat: "Chat API" } as const;

/**
 * Whether a write may have been made although it failed: Sendbird gave no answer (connection lost, timeout)
 * or a 5xx to a request that changes something. A 4xx or a 429 is a refusal, and nothing was changed.
 */
export function unconfirmed(err: unknown): boolean {
  if (!(err instanceof SendbirdError) || err.method === "GET") return false;
  return err instanceof SendbirdConnectionError || err instanceof SendbirdTimeoutError || err instanceof SendbirdServerError;
}

/** Turns any error into plain words a console user can act on ("This event already ended", not "Error 401120"). */
export function explain(err: unknown): Explanation {
  if (err instanceof AppError) return { title: "Request refused", detail: err.message, code: null, host: null, retryable: false };
  if (!(err instanceof SendbirdError)) {
    return {
      title: "Something went wrong",
      detail: "The console hit an unexpected error. Try again; if it persists, check the server log.",
      code: null,
      host: null,
      retryable: true,
    };
  }
  const where = hostNames[err.host];
  const base = { code: err.code, host: err.host };
  if (unconfirmed(err)) {
    const what = err.status === 0 ? "did not answer" : `failed (HTTP ${err.status})`;
    return {
      ...base,
      title: "Not confirmed by Sendbird",
      detail: `The ${where} ${what}, so the change may or may not have been made. Reload to see where things stand before trying again.`,
      retryable: false,
    };
  }
  if (err.code === 400304) {
    return { ...base, title: "Unknown application", detail: "Sendbird does not know this application id. Check SENDBIRD_APP_ID.", retryable: false };
  }
  if (err instanceof SendbirdAuthError) {
    return {
      ...base,
      title: "API token rejected",
      detail: `The ${where} rejected the API token. Check SENDBIRD_API_TOKEN: it may be mistyped, from another application, or revoked.`,
      retryable: false,
    };
  }
  if (err instanceof SendbirdPermissionError) {
    return {
      ...base,
      title: "Not allowed with this token",
      detail: "This needs the master API token; the console runs on a secondary token.",
      retryable: false,
    };
  }
  if (err instanceof SendbirdConnectionError) {
    return {
      ...base,
      title: `${where} unreachable`,
      detail: `Could not reach the ${where}. Check the network, SENDBIRD_APP_ID and any base-URL override. (${err.message})`,
      retryable: true,
    };
  }
  if (err instanceof SendbirdTimeoutError) {
    return { ...base, title: `${where} too slow`, detail: `The ${where} did not answer in time. Try again in a moment.`, retryable: true };
  }
  if (err instanceof SendbirdRateLimitError) {
    return {
      ...base,
      title: "Rate limited",
      detail: `Sendbird is limiting how fast this application may call the ${where}. Wait a few seconds and try again.`,
      retryable: true,
    };
  }
  if (err instanceof SendbirdServerError) {
    return { ...base, title: "Sendbird had a problem", detail: `The ${where} failed (HTTP ${err.status}): ${err.message} Try again.`, retryable: true };
  }
  if (err instanceof SendbirdResponseError) {
    return { ...base, title: "Unexpected answer", detail: `The ${where} answered in a shape the console does not understand: ${err.message}`, retryable: true };
  }
  if (err instanceof SendbirdNotFoundError) return { ...base, title: "Not found", detail: err.message, retryable: false };
  if (err instanceof SendbirdStateError) return { ...base, title: "Not allowed right now", detail: err.message, retryable: false };
  if (err instanceof SendbirdConflictError) return { ...base, title: "Already exists", detail: err.message, retryable: false };
  return { ...base, title: "Sendbird refused the request", detail: err.message, retryable: false };
}

/** A read's outcome as a value: what it gave, or what it threw. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Awaits a read without throwing, so a page shows its failure where it belongs (the page, or one section) rather than in the error boundary. */
export function settled<T>(read: Promise<T>): Promise<Settled<T>> {
  return read.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  );
}

/**
 * Whether `read` settles within `ms`: a page part that is ready by the time the rest is renders with it, and
 * only a slower one streams in behind a skeleton (React holds a revealed skeleton on screen for a moment, so a
 * part that would replace it almost at once costs more than it saves).
 */
export async function settlesWithin(read: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const done = read.then(
    () => true as const,
    () => true as const,
  );
  try {
    return await Promise.race([done, late]);
  } finally {
    clearTimeout(timer);
  }
}
