/** Which Platform API host answers: Live+Calls share one, Chat has its own, `control` is ours. */
export type ApiHost = "calls" | "chat" | "control";

/** What went wrong, independent of the host; each host turns a kind into its own code. */
export type ErrorKind =
  | "invalid"
  | "missing"
  | "not_found"
  | "exists"
  | "not_allowed"
  | "unauthenticated"
  | "unauthorized"
  | "too_many"
  | "too_large"
  | "bad_json"
  | "invalid_room"
  | "deactivated"
  | "rate_limited"
  | "internal";

/** An error the emulator answers with; `chatCode` refines the chat host's code (type errors, lengths). */
export class EmulatorError extends Error {
  readonly kind: ErrorKind;
  readonly chatCode: number | undefined;

  constructor(kind: ErrorKind, message: string, options: { chatCode?: number } = {}) {
    super(message);
    this.name = "EmulatorError";
    this.kind = kind;
    this.chatCode = options.chatCode;
  }
}

interface WireError {
  status: number;
  code: number;
  type: string;
}

const callsErrors: Record<ErrorKind, WireError> = {
  invalid: { status: 400, code: 400100, type: "INVALID_PARAMS" },
  missing: { status: 400, code: 400111, type: "MISSING_PARAMS" },
  not_found: { status: 400, code: 400200, type: "NOT_FOUND" },
  exists: { status: 400, code: 400201, type: "UNIQUE_CONSTRAINT" },
  not_allowed: { status: 401, code: 401120, type: "NOT_ALLOWED" },
  unauthenticated: { status: 401, code: 401121, type: "NOT_AUTHORIZED" },
  unauthorized: { status: 401, code: 401120, type: "NOT_ALLOWED" },
  too_many: { status: 400, code: 400100, type: "INVALID_PARAMS" },
  too_large: { status: 413, code: 400100, type: "INVALID_PARAMS" },
  bad_json: { status: 400, code: 400100, type: "INVALID_PARAMS" },
  invalid_room: { status: 400, code: 1400126, type: "INVALID_ROOM" },
  deactivated: { status: 400, code: 400100, type: "INVALID_PARAMS" },
  rate_limited: { status: 429, code: 429100, type: "RATE_LIMIT_EXCEEDED" },
  internal: { status: 500, code: 500999, type: "UNKNOWN_ERROR" },
};

const chatErrors: Record<ErrorKind, WireError> = {
  invalid: { status: 400, code: 400111, type: "InvalidValue" },
  missing: { status: 400, code: 400105, type: "MissingRequiredParameter" },
  not_found: { status: 400, code: 400201, type: "ResourceNotFound" },
  exists: { status: 400, code: 400202, type: "ResourceAlreadyExists" },
  not_allowed: { status: 400, code: 400108, type: "UnauthorizedRequest" },
  unauthenticated: { status: 400, code: 400401, type: "InvalidApiToken" },
  unauthorized: { status: 400, code: 400108, type: "UnauthorizedRequest" },
  too_many: { status: 400, code: 400203, type: "TooManyItemsInParameter" },
  too_large: { status: 413, code: 400110, type: "ParameterValueLengthExceeded" },
  bad_json: { status: 400, code: 400403, type: "InvalidJsonBody" },
  invalid_room: { status: 400, code: 400201, type: "ResourceNotFound" },
  deactivated: { status: 400, code: 400300, type: "DeactivatedUserNotAccessible" },
  rate_limited: { status: 429, code: 500910, type: "RateLimitExceeded" },
  internal: { status: 500, code: 500901, type: "InternalError" },
};

/** Symbolic names of calls-host codes, for errors injected by code. */
export const callsCodeTypes: ReadonlyMap<number, string> = new Map(Object.values(callsErrors).map((e) => [e.code, e.type]));

export interface ErrorBody {
  status: number;
  body: Record<string, unknown>;
}

const controlStatus: Partial<Record<ErrorKind, number>> = {
  not_found: 404,
  invalid_room: 404,
  unauthenticated: 401,
  not_allowed: 409,
  exists: 409,
  too_large: 413,
  internal: 500,
};

/** The host's own error envelope for an error kind. */
export function errorBody(host: ApiHost, err: EmulatorError): ErrorBody {
  if (host === "control") {
    const status = controlStatus[err.kind] ?? 400;
    return { status, body: { error: { code: err.kind, message: err.message } } };
  }
  if (host === "calls") {
    const wire = callsErrors[err.kind];
    return { status: wire.status, body: callsEnvelope(wire.code, wire.type, err.message) };
  }
  const wire = chatErrors[err.kind];
  return { status: wire.status, body: { error: true, code: err.chatCode ?? wire.code, message: err.message } };
}

/** The calls host's envelope; its published 429 body has no `error` field. */
export function callsEnvelope(code: number, type: string, message: string): Record<string, unknown> {
  return code === 429100 ? { message, code, type } : { error: true, code, type, message };
}
