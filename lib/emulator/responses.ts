import { EmulatorError, callsCodeTypes, callsEnvelope, errorBody } from "./errors";
import type { ApiHost } from "./errors";
import type { Fault } from "./faults";
import { jsonHeaders } from "./http";
import type { CoreRequest, CoreResponse } from "./http";
import type { RateDecision } from "./rate-limit";

/** How the emulator answers: JSON bodies, each host's envelopes, 404/405, 429s and injected faults. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): CoreResponse {
  return { status, headers: { ...jsonHeaders, ...headers }, body: JSON.stringify(body) };
}

export function notFound(req: CoreRequest, host: ApiHost, allowed: string[]): CoreResponse {
  const where = `${req.method} ${req.pathname.slice(0, 200)}`;
  if (host === "control") {
    if (allowed.length > 0)
      return json(
        405,
        { error: { code: "method_not_allowed", message: `Method ${req.method} is not allowed here; use ${allowed.join(", ")}.` } },
        { allow: allowed.join(", ") },
      );
    return json(404, { error: { code: "not_found", message: `No such endpoint: ${where}.` } });
  }
  // Sendbird's error pages: every error is an HTTP 400 or 500 in the host's envelope; "not found" is the
  // nearest documented code for a path (or method) the API does not have.
  const message = allowed.length > 0 ? `No such endpoint: ${where} (this path takes ${allowed.join(", ")}).` : `No such endpoint: ${where}.`;
  const body = host === "calls" ? callsEnvelope(400200, "NOT_FOUND", message) : { error: true, code: 400201, message };
  return json(400, body, allowed.length > 0 ? { allow: allowed.join(", ") } : {});
}

/** Sendbird's 429: the calls host's published body; the chat host's code 500910 with retry headers. */
export function rateLimited(host: ApiHost, rate: RateDecision): CoreResponse {
  const retry = rate.retryAfter.toFixed(4);
  if (host === "calls") return json(429, callsEnvelope(429100, "RATE_LIMIT_EXCEEDED", "Too many requests"));
  return json(
    429,
    { error: true, code: 500910, message: `Too many requests (scope: app, limit: ${rate.limit};w=1, remaining: 0, retry_after: ${retry}s, reset: ${retry}s)` },
    {
      "x-ratelimit-retryafter": retry,
      "x-ratelimit-limit": `${rate.limit};w=1`,
      "x-ratelimit-remaining": "0",
      "x-ratelimit-reset": retry,
    },
  );
}

const defaultInjectedCodes: Record<"calls" | "chat", Record<number, number>> = {
  calls: { 400: 400100, 401: 401121, 404: 400200, 429: 429100, 500: 500999, 502: 500999, 503: 500999, 504: 500999 },
  chat: { 400: 400111, 401: 400401, 403: 403100, 404: 400201, 429: 500910, 500: 500901, 502: 500901, 503: 500901, 504: 500901 },
};

export function injectedError(fault: Fault, host: ApiHost): CoreResponse {
  const status = fault.status ?? 500;
  const wireHost = host === "chat" ? "chat" : "calls";
  const code = fault.code ?? defaultInjectedCodes[wireHost][status] ?? (wireHost === "calls" ? 500999 : 500901);
  const message = fault.message ?? (status === 429 ? "Too many requests" : `Injected fault (${status}).`);
  if (status === 429) {
    const retry = (fault.retry_after ?? 1).toFixed(4);
    if (wireHost === "calls") return json(429, callsEnvelope(code, "RATE_LIMIT_EXCEEDED", message));
    return json(429, { error: true, code, message }, { "x-ratelimit-retryafter": retry });
  }
  if (wireHost === "calls") return json(status, callsEnvelope(code, callsCodeTypes.get(code) ?? "UNKNOWN_ERROR", message));
  return json(status, { error: true, code, message });
}

export function toErrorResponse(err: unknown, host: ApiHost): CoreResponse {
  if (err instanceof EmulatorError) {
    const { status, body } = errorBody(host, err);
    return json(status, body);
  }
  console.error("emulator: unexpected error", err);
  const { status, body } = errorBody(host, new EmulatorError("internal", "Unexpected server error."));
  return json(status, body);
}

export function errorCode(res: CoreResponse): number | null {
  if (res.status < 400 || res.drop) return null;
  const text = typeof res.body === "string" ? res.body : Buffer.from(res.body).toString("utf8");
  const match = /"code":(\d+)/.exec(text);
  return match ? Number(match[1]) : null;
}
