import "server-only";
import type { z } from "zod";
import { errorText, log, logs } from "@/lib/observability/log";
import { metrics } from "@/lib/observability/metrics";
import { noteUpstreamOutcome } from "@/lib/observability/upstream";
import type { CallOutcome, WaitReason } from "@/lib/observability/metrics";
import {
  SendbirdAuthError,
  SendbirdConnectionError,
  SendbirdError,
  SendbirdNotFoundError,
  SendbirdPermissionError,
  SendbirdRateLimitError,
  SendbirdResponseError,
  SendbirdServerError,
  SendbirdTimeoutError,
  errorClassFor,
} from "./errors";
import type { SendbirdHost } from "./errors";
import { id } from "./pages";
import { RateBucket, realSleep } from "./rate-bucket";
import type { Lane, Sleep } from "./rate-bucket";

export type Query = Record<string, string | number | boolean | readonly string[] | null | undefined>;

export interface TransportOptions {
  apiToken: string;
  callsBaseUrl: string;
  chatBaseUrl: string;
  fetch?: typeof fetch;
  /** Per attempt, including reading the body. Default 10 s. */
  timeoutMs?: number;
  /** Retries after the first attempt. Default 3. */
  maxRetries?: number;
  /** First backoff step; doubles each retry, with jitter. Default 1000 ms. */
  retryBaseMs?: number;
  /** The longest Retry-After the client will wait out before giving up. Default 30 s. */
  maxRetryAfterMs?: number;
  /** Keep under Sendbird's rate limits client-side (default true). */
  throttle?: boolean;
  sleep?: Sleep;
  bucket?: RateBucket;
  /** Whose reads these are; "bulk" (exports) leaves part of the read budget to interactive pages. Default interactive. */
  lane?: Lane;
  /** Called after each request Sendbird answered with success: the token was just used. */
  onAnswered?: () => void;
}

/** The names of a route template's `{…}` placeholders. */
type PlaceholderOf<T extends string> = T extends `${string}{${infer Name}}${infer Rest}` ? Name | PlaceholderOf<Rest> : never;

/** A value for each placeholder of the template, and nothing else; a template without any takes none. */
type RouteParams<T extends string> = [PlaceholderOf<T>] extends [never] ? [] : [params: Record<PlaceholderOf<T>, string>];

/** Where a request goes: the path with each id encoded, and the template it was built from (the endpoint). */
export interface Route {
  /** e.g. `/live-events/abc%2F1` */
  readonly path: string;
  /** e.g. `/live-events/{id}`: what rate buckets count by, and what errors name in place of a path holding a secret. */
  readonly endpoint: string;
}

/**
 * Builds a route from its template, so a call names its path once: `route("/users/{id}/metadata/{key}", { id, key })`.
 * Each value is encoded as one segment by `id()`. A placeholder without a value, or a value without a placeholder, is a
 * type error, and thrown where the types cannot tell.
 */
export function route<T extends string>(template: T, ...[params]: RouteParams<T>): Route {
  const values: Record<string, string> = params ?? {};
  const used = new Set<string>();
  const path = template.replace(/\{([^{}]*)\}/g, (_, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    if (value === undefined) throw new TypeError(`No value for {${name}} of ${template}.`);
    used.add(name);
    return id(value);
  });
  const extra = Object.keys(values).find((name) => !used.has(name));
  if (extra !== undefined) throw new TypeError(`${template} has no {${extra}}.`);
  return { path, endpoint: template };
}

export interface RequestSpec<S extends z.ZodType> {
  host: SendbirdHost;
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** Built by `route()`. */
  route: Route;
  query?: Query;
  body?: unknown;
  schema: S;
  /**
   * A secret the path holds (an API token): errors name the route template instead of the path, and the
   * secret in any message Sendbird sends back reads as its last four characters.
   */
  secret?: string;
}

/** Serializes a query: arrays become one comma-separated value of URL-encoded items, as Sendbird expects. */
export function toSearch(query: Query | undefined): string {
  if (!query) return "";
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    const text = Array.isArray(value) ? value.map((v) => encodeURIComponent(v)).join(",") : encodeURIComponent(String(value));
    if (Array.isArray(value) && value.length === 0) continue;
    parts.push(`${encodeURIComponent(key)}=${text}`);
  }
  return parts.length ? `?${parts.join("&")}` : "";
}

/** A call's endpoint for logs and metrics: its method and path template on its host, never an id or a token. */
function endpointOf(spec: { host: SendbirdHost; method: string; route: Route }): string {
  return `${spec.method} ${spec.host === "calls" ? "/v1" : "/v3"}${spec.route.endpoint}`;
}

function outcomeOf(error: SendbirdError): CallOutcome {
  if (error instanceof SendbirdTimeoutError) return "timeout";
  if (error instanceof SendbirdConnectionError) return "network";
  if (error instanceof SendbirdRateLimitError || error.status === 429) return "rate_limited";
  if (error instanceof SendbirdAuthError || error instanceof SendbirdPermissionError) return "rejected_token";
  if (error instanceof SendbirdNotFoundError) return "not_found";
  if (error instanceof SendbirdServerError || error instanceof SendbirdResponseError || error.status >= 500) return "server_error";
  return "client_error";
}

/** Counts and logs one attempt: at debug when it went well or was an answer about the request, at warn when Sendbird or the way to it failed. */
function recordCall(endpoint: string, outcome: CallOutcome, status: number, ms: number, attempt: number, error?: SendbirdError): void {
  const m = metrics();
  m.sendbirdCalls.inc({ endpoint, outcome });
  noteUpstreamOutcome(outcome);
  m.sendbirdDuration.observe({ endpoint }, ms / 1000);
  const level = outcome === "ok" || outcome === "not_found" || outcome === "client_error" ? "debug" : "warn";
  if (!logs(level)) return;
  log[level]("sendbird call", {
    endpoint,
    status,
    outcome,
    durationMs: Math.round(ms * 10) / 10,
    attempt: attempt + 1,
    problem: error ? errorText(error) : undefined,
  });
}

/** Counts a wait before a call, when there was one worth the name. */
function countWait(reason: WaitReason, ms: number): void {
  if (ms < 1) return;
  const m = metrics();
  m.rateLimitWaits.inc({ reason });
  m.rateLimitWaitSeconds.inc({ reason }, ms / 1000);
}

/** Sends requests to the two hosts with timeouts, the narrow retry rule and client-side throttling. */
export class Transport {
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly retryBaseMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly sleep: Sleep;
  private readonly bucket: RateBucket | null;
  private readonly lane: Lane;

  constructor(private readonly options: TransportOptions) {
    this.fetchImpl = options.fetch ?? fetch;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.maxRetries = options.maxRetries ?? 3;
    this.retryBaseMs = options.retryBaseMs ?? 1000;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 30_000;
    this.sleep = options.sleep ?? realSleep;
    this.bucket = options.throttle === false ? null : (options.bucket ?? new RateBucket(undefined, undefined, this.sleep));
    this.lane = options.lane ?? "interactive";
  }

  async request<S extends z.ZodType>(spec: RequestSpec<S>): Promise<z.infer<S>> {
    const base = spec.host === "calls" ? this.options.callsBaseUrl : this.options.chatBaseUrl;
    const url = `${base.replace(/\/$/, "")}${spec.route.path}${toSearch(spec.query)}`;
    const endpoint = endpointOf(spec);
    for (let attempt = 0; ; attempt += 1) {
      if (this.bucket) {
        const asked = performance.now();
        await this.bucket.acquire(spec.host, spec.method, spec.route.endpoint, this.lane);
        countWait("client_throttle", performance.now() - asked);
      }
      const started = performance.now();
      let error: SendbirdError;
      try {
        const result = this.parse(spec, await this.send(url, spec));
        recordCall(endpoint, "ok", 200, performance.now() - started, attempt);
        return result;
      } catch (err) {
        if (!(err instanceof SendbirdError)) throw err;
        error = err;
        recordCall(endpoint, outcomeOf(error), error.status, performance.now() - started, attempt, error);
      }
      const wait = this.retryDelay(error, spec.method, attempt);
      if (wait === null) throw error;
      if (error.status === 429) countWait("retry_after", wait);
      await this.sleep(wait);
    }
  }

  /** One attempt: the body text of a 2xx answer, or a typed error. */
  private async send(url: string, spec: RequestSpec<z.ZodType>): Promise<string> {
    const where = { host: spec.host, method: spec.method, path: spec.secret ? spec.route.endpoint : spec.route.path };
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    try {
      const res = await this.fetchImpl(url, {
        method: spec.method,
        headers: { "Api-Token": this.options.apiToken, "Content-Type": "application/json; charset=utf8", Accept: "application/json" },
        body: spec.body === undefined ? (spec.method === "GET" ? undefined : "{}") : JSON.stringify(spec.body),
        signal: controller.signal,
      });
      const text = await res.text();
      if (res.ok) {
        this.options.onAnswered?.();
        return text;
      }
      const error = errorFromResponse(res, text, where);
      if (spec.secret) error.message = error.message.replaceAll(spec.secret, `…${spec.secret.slice(-4)}`);
      throw error;
    } catch (err) {
      if (err instanceof SendbirdError) throw err;
      if (controller.signal.aborted) {
        throw new SendbirdTimeoutError({ ...where, status: 0, code: null, message: `No answer within ${this.timeoutMs} ms.`, cause: err });
      }
      const message = err instanceof Error ? err.message : String(err);
      throw new SendbirdConnectionError({ ...where, status: 0, code: null, message: `Could not reach the host: ${message}`, cause: err });
    } finally {
      clearTimeout(timer);
    }
  }

  private parse<S extends z.ZodType>(spec: RequestSpec<S>, text: string): z.infer<S> {
    let json: unknown;
    try {
      json = text.trim() === "" ? {} : JSON.parse(text);
    } catch {
      json = undefined;
    }
    const result = spec.schema.safeParse(json);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new SendbirdResponseError({
        host: spec.host,
        method: spec.method,
        path: spec.secret ? spec.route.endpoint : spec.route.path,
        status: 200,
        code: null,
        message: `Unexpected response shape${issue ? ` at ${issue.path.join(".") || "(root)"}: ${issue.message}` : ""}.`,
      });
    }
    return result.data;
  }

  /** How long to wait before retrying, or null to give up. A 429 was not processed, so any method retries. */
  private retryDelay(error: SendbirdError, method: string, attempt: number): number | null {
    if (attempt >= this.maxRetries) return null;
    const backoff = this.retryBaseMs * 2 ** attempt * (0.75 + Math.random() * 0.5);
    if (error.status === 429) {
      if (error.retryAfterSeconds === undefined) return backoff;
      const wait = error.retryAfterSeconds * 1000;
      return wait > this.maxRetryAfterMs ? null : wait;
    }
    if (method !== "GET") return null;
    if (error.status >= 500 || error instanceof SendbirdConnectionError || error instanceof SendbirdTimeoutError) return backoff;
    return null;
  }
}

function errorFromResponse(res: Response, text: string, where: { host: SendbirdHost; method: string; path: string }): SendbirdError {
  let body: { code?: unknown; message?: unknown; type?: unknown } = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed !== null && typeof parsed === "object") body = parsed;
  } catch {
    // not JSON: keep the status alone
  }
  const code = typeof body.code === "number" ? body.code : null;
  const retryHeader = res.headers.get("x-ratelimit-retryafter") ?? res.headers.get("retry-after");
  const retryAfter = retryHeader !== null && Number.isFinite(Number(retryHeader)) ? Math.max(0, Number(retryHeader)) : undefined;
  const message = typeof body.message === "string" && body.message !== "" ? body.message : `HTTP ${res.status} ${res.statusText}`.trim();
  const ErrorClass = errorClassFor(where.host, res.status, code);
  return new ErrorClass({
    ...where,
    status: res.status,
    code,
    type: typeof body.type === "string" ? body.type : undefined,
    message,
    retryAfterSeconds: retryAfter,
  });
}
