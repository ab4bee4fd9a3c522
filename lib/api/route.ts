import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { can } from "@/lib/auth/permissions";
import type { Permission } from "@/lib/auth/permissions";
import { currentUser } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/session";
import { AppError, explain } from "@/lib/errors";
import { SendbirdAuthError, SendbirdError, SendbirdNotFoundError, SendbirdPermissionError } from "@/lib/sendbird/errors";

type Handler<Q, U> = (ctx: { request: Request; query: Q; user: U }) => Promise<unknown>;

const noStore = { "cache-control": "no-store" };

/** The one error shape of every route handler. */
export function apiError(status: number, code: string, message: string): NextResponse {
  return NextResponse.json({ error: { code, message } }, { status, headers: noStore });
}

/**
 * Turns any failure into the error shape, never a blank page. What Sendbird refused as asked (a 400: an
 * expired page token, a state it cannot be in) or does not know (404) is the caller's 400 or 404; a rate
 * limit stays 429; anything else Sendbird failed at is a 502, or 504 when it was too slow.
 */
export function handleApiError(err: unknown): NextResponse {
  if (err instanceof AppError) return apiError(err.status, err.code, err.message);
  const explanation = explain(err);
  if (err instanceof SendbirdError) {
    // A rejected token is the console's own misconfiguration, whatever status Sendbird gave it.
    const ours = err instanceof SendbirdAuthError || err instanceof SendbirdPermissionError;
    const status =
      err instanceof SendbirdNotFoundError
        ? 404
        : err.status === 400 && !ours
          ? 400
          : err.status === 429
            ? 429
            : err.status === 0 && /too slow/.test(explanation.title)
              ? 504
              : 502;
    return apiError(status, `sendbird_${err.code ?? err.status}`, `${explanation.title}: ${explanation.detail}`);
  }
  console.error(err);
  return apiError(500, "internal", explanation.detail);
}

/**
 * The gate of a route handler: the session (401), the permission (403), a pending forced password change (403).
 * Returns the user, or the response to send instead.
 */
export async function authorize(permission: Permission): Promise<SessionUser | NextResponse> {
  const user = await currentUser();
  if (!user) return apiError(401, "unauthenticated", "Sign in to use this.");
  if (!can(user.role, permission)) return apiError(403, "forbidden", "Your role does not allow this.");
  if (user.mustChangePassword) return apiError(403, "password_change_required", "Choose a new password first.");
  return user;
}

/** A query string as a record; a repeated key (`?state=a&state=b`) becomes an array. */
export function searchRecord(params: URLSearchParams): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  for (const [key, value] of params) {
    const seen = record[key];
    record[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return record;
}

/** Parses the query string with zod; bad input answers 400 naming the field. */
export function parseQuery<S extends z.ZodType>(schema: S, request: Request): { ok: true; data: z.infer<S> } | { ok: false; response: NextResponse } {
  const parsed = schema.safeParse(searchRecord(new URL(request.url).searchParams));
  if (parsed.success) return { ok: true, data: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, response: apiError(400, "invalid_query", `${issue?.path.join(".") || "query"}: ${issue?.message ?? "invalid"}`) };
}

async function respond(run: () => Promise<unknown>): Promise<NextResponse> {
  try {
    return NextResponse.json(await run(), { headers: noStore });
  } catch (err) {
    return handleApiError(err);
  }
}

/** Session and permission first, then the query parsed with zod, then `run`. */
function gated<S extends z.ZodType, R extends Response>(
  options: { query: S; permission: Permission },
  run: (ctx: { request: Request; query: z.infer<S>; user: SessionUser }) => Promise<R>,
) {
  return async (request: Request): Promise<R | NextResponse> => {
    const user = await authorize(options.permission);
    if (user instanceof NextResponse) return user;
    const query = parseQuery(options.query, request);
    if (!query.ok) return query.response;
    return run({ request, query: query.data, user });
  };
}

/**
 * Builds a JSON route handler: session and permission first, then the query parsed with zod, then the
 * handler, with every failure in the one error shape `{ error: { code, message } }`.
 */
export function apiRoute<S extends z.ZodType>(options: { query: S; permission: Permission }, handler: Handler<z.infer<S>, SessionUser>) {
  return gated(options, (ctx) => respond(() => handler(ctx)));
}

/**
 * Builds a route handler that answers a Response of its own (an image, a file) behind the same gate and
 * query parsing as `apiRoute`, its failures in the same error shape.
 */
export function responseRoute<S extends z.ZodType>(
  options: { query: S; permission: Permission },
  handler: (ctx: { request: Request; query: z.infer<S>; user: SessionUser }) => Promise<Response>,
) {
  return gated(options, async (ctx) => {
    try {
      return await handler(ctx);
    } catch (err) {
      return handleApiError(err);
    }
  });
}

/**
 * An orchestrator's probe anyone may call: its checks' answer, 200 when every check passed and 503 when one
 * failed, never cached and never application data. It takes no query.
 */
export function probeRoute(run: () => Promise<{ status: "ok" | "failing" }>) {
  return async (request: Request): Promise<NextResponse> => {
    const query = parseQuery(z.object({}).strict(), request);
    if (!query.ok) return query.response;
    const answer = await run();
    return NextResponse.json(answer, { status: answer.status === "ok" ? 200 : 503, headers: noStore });
  };
}

/** A route handler anyone may call: only for probes that return no application data (health checks). */
export function publicRoute<S extends z.ZodType>(querySchema: S, handler: Handler<z.infer<S>, null>) {
  return async (request: Request): Promise<NextResponse> => {
    const query = parseQuery(querySchema, request);
    if (!query.ok) return query.response;
    return respond(() => handler({ request, query: query.data, user: null }));
  };
}
