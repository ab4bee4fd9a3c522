import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import type { NextRequest } from "next/server";
import { requestMeta } from "@/lib/api/request-meta";
import { passwordChecks } from "@/lib/auth/admission";
import { authOptions } from "@/lib/auth/options";
import { settings } from "@/lib/env";
import { sourceOf } from "@/lib/net/forwarded";

type Context = { params: Promise<{ nextauth: string[] }> };

const run = (request: NextRequest, context: Context) => NextAuth(request, context, authOptions());

// GET /api/auth/* — next-auth's sign-in, sign-out, CSRF and session endpoints.
export const GET = run;

// POST /api/auth/* — a password check waits for a free slot (lib/auth/admission.ts) or is refused with 429 at once.
export async function POST(request: NextRequest, context: Context) {
  const { nextauth } = await context.params;
  if (nextauth.join("/") !== "callback/credentials") return run(request, context);
  const release = await passwordChecks.enter(sourceOf(requestMeta(request.headers).ip));
  if (!release) {
    // next-auth's client reads the error from `url`; the sign-in form turns "busy" into words.
    const url = new URL("/api/auth/error", settings().nextAuthUrl);
    url.searchParams.set("error", "busy");
    return NextResponse.json({ url: url.toString() }, { status: 429, headers: { "Retry-After": "2" } });
  }
  try {
    return await run(request, context);
  } finally {
    release();
  }
}
