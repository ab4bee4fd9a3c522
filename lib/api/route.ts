import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { AppError, explain } from "@/lib/errors";
import { SendbirdError } from "@/lib/sendbird/errors";

type Handler<Q> = (ctx: { request: Request; query: Q }) => Promise<unknown>;

/** The one error shape of every route handler. */
export function apiError(status: number, code: string, message: string): NextResponse {
  return NextResponse.json({ error: { code, message } }, { status, headers: { "cache-control": "no-store" } });
}

/**
 * Builds a route handler: parses the query with zod (bad input → 400 naming the field), runs the handler,
 * and turns failures into `{ error: { code, message } }` in plain words. Sendbird failures become 502
 * (or 429/504), never a blank page.
 */
export function apiRoute<S extends z.ZodType>(querySchema: S, handler: Handler<z.infer<S>>) {
  return async (request: Request): Promise<NextResponse> => {
    const params = Object.fromEntries(new URL(request.url).searchParams);
    const parsed = querySchema.safeParse(params);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return apiError(400, "invalid_query", `${issue?.path.join(".") || "query"}: ${issue?.message ?? "invalid"}`);
    }
    try {
      const body = await handler({ request, query: parsed.data });
      return NextResponse.json(body, { headers: { "cache-control": "no-store" } });
    } catch (err) {
      if (err instanceof AppError) return apiError(err.status, err.code, err.message);
      const explanation = explain(err);
      if (err instanceof SendbirdError) {
        const status = err.status === 429 ? 429 : err.status === 0 && /too slow/.test(explanation.title) ? 504 : 502;
        return apiError(status, `sendbird_${err.code ?? err.status}`, `${explanation.title}: ${explanation.detail}`);
      }
      console.error(err);
      return apiError(500, "internal", explanation.detail);
    }
  };
}
