import "server-only";

/** Which Sendbird host answered: Live and Calls share one, Chat has its own. Codes mean different things on each. */
export type SendbirdHost = "calls" | "chat";

export interface SendbirdErrorInit {
  host: SendbirdHost;
  status: number;
  code: number | null;
  type?: string | undefined;
  message: string;
  method: string;
  path: string;
  retryAfterSeconds?: number | undefined;
  cause?: unknown;
}

/** An upstream failure: Sendbird (or the emulator) answered with an error, or could not be reached. */
export class SendbirdError extends Error {
  readonly host: SendbirdHost;
  /** HTTP status; 0 when no answer came (timeout, connection failure). */
  readonly status: number;
  /** Sendbird's own error code (e.g. 400200), when the body carried one. */
  readonly code: number | null;
  readonly type: string | undefined;
  readonly method: string;
  readonly path: string;
  readonly retryAfterSeconds: number | undefined;

  constructor(init: SendbirdErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = new.target.name;
    this.host = init.host;
    this.status = init.status;
    this.code = init.code;
    this.type = init.type;
    this.method = init.method;
    this.path = init.path;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

/** The token is missing, wrong or revoked (401121 on the calls host, 400401 on the chat host). */
export class SendbirdAuthError extends SendbirdError {}
/** The token is valid but not allowed here (e.g. a secondary token managing tokens). */
export class SendbirdPermissionError extends SendbirdError {}
/** The resource does not exist (400200 on the calls host, 400201 on the chat host, 1400126 for rooms). */
export class SendbirdNotFoundError extends SendbirdError {}
/** The action is not allowed in the resource's current state (401120). */
export class SendbirdStateError extends SendbirdError {}
/** Sendbird refused the input (missing or invalid parameters, limits). */
export class SendbirdValidationError extends SendbirdError {}
/** The resource already exists (400201 on the calls host, 400202 on the chat host). */
export class SendbirdConflictError extends SendbirdError {}
/** Too many requests; `retryAfterSeconds` says how long to wait when Sendbird said so. */
export class SendbirdRateLimitError extends SendbirdError {}
/** Sendbird failed (5xx). */
export class SendbirdServerError extends SendbirdError {}
/** No answer in time. */
export class SendbirdTimeoutError extends SendbirdError {}
/** The host could not be reached (DNS, refused, reset). */
export class SendbirdConnectionError extends SendbirdError {}
/** An answer arrived but is not what the API documents. */
export class SendbirdResponseError extends SendbirdError {}

type ErrorClass = new (init: SendbirdErrorInit) => SendbirdError;

/** Picks the subclass from the host, HTTP status and code: the same number means different things per host. */
export function errorClassFor(host: SendbirdHost, status: number, code: number | null): ErrorClass {
  if (status === 429 || code === 429100 || code === 500910) return SendbirdRateLimitError;
  if (status >= 500) return SendbirdServerError;
  if (host === "calls") {
    if (code === 401121) return SendbirdAuthError;
    if (code === 401120) return SendbirdStateError;
    if (code === 400200 || code === 1400126) return SendbirdNotFoundError;
    if (code === 400201) return SendbirdConflictError;
    if (status === 401) return SendbirdAuthError;
  } else {
    if (code === 400401) return SendbirdAuthError;
    if (code === 400108) return SendbirdPermissionError;
    if (code === 400201 || code === 400301) return SendbirdNotFoundError;
    if (code === 400202) return SendbirdConflictError;
    if (status === 401) return SendbirdAuthError;
    if (status === 403) return SendbirdPermissionError;
  }
  if (status === 404) return SendbirdNotFoundError;
  return SendbirdValidationError;
}
