import { encode, getToken } from "next-auth/jwt";
import { NextResponse } from "next/server";
import type { NextRequest } from "next/server";
import { secureCookies, sessionCookieName, sessionCookieOptions } from "@/lib/auth/cookies";
import { maxSessionSeconds, sessionExpired } from "@/lib/auth/limits";
import { proxySecret } from "@/lib/auth/proxy-secret";
import { safeTarget } from "@/lib/auth/targets";
import { visitHeader } from "@/lib/paths";

const publicPaths = ["/sign-in"];

/** HSTS exactly when session cookies are Secure: both follow the console's public address, never a request header. */
function securityHeaders(response: NextResponse, csp: string): NextResponse {
  response.headers.set("Content-Security-Policy", csp);
  if (secureCookies(process.env.NEXTAUTH_URL)) response.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  return response;
}

/**
 * A path whose %-escapes are not UTF-8 (`/users/%ED%A0%80`) cannot be read as an id; left to the framework it
 * is a bare 500. It is refused here in plain words: JSON for a route handler, text for a page.
 */
function refuseMalformedPath(request: NextRequest): NextResponse | null {
  try {
    decodeURIComponent(request.nextUrl.pathname);
    return null;
  } catch {
    const message = "This address holds a %-escape that is not valid UTF-8, so it cannot name anything. Check the link.";
    if (request.nextUrl.pathname.startsWith("/api/")) return NextResponse.json({ error: { code: "invalid_path", message } }, { status: 400 });
    return new NextResponse(message, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
}

/**
 * On every page request: a Content-Security-Policy with a fresh nonce; signed-out visitors go to sign-in
 * (keeping where they were going); a session idle for 30 minutes or older than 12 hours ends; an active
 * one has its idle clock reset. Access checks do not live here: every page and handler checks itself.
 */
export async function proxy(request: NextRequest) {
  const malformed = refuseMalformedPath(request);
  if (malformed) return malformed;
  if (request.nextUrl.pathname.startsWith("/api/")) return NextResponse.next();
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const dev = process.env.NODE_ENV === "development";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    // Third-party images come through /api/images (decision 0019): an <img> pointing anywhere else is blocked.
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  // Prefetches skip this proxy (see `config`) and Next hides its router's headers from pages: this mark is
  // how a detail page's layout tells a visit from a prefetch.
  requestHeaders.set(visitHeader, "1");

  const path = request.nextUrl.pathname;
  const secure = secureCookies(process.env.NEXTAUTH_URL);
  const cookieName = sessionCookieName(secure);
  const secret = proxySecret();
  const token = secret ? await getToken({ req: request, secret, cookieName, secureCookie: secure }) : null;
  const now = Math.floor(Date.now() / 1000);
  const isPublic = publicPaths.some((p) => path === p || path.startsWith(`${p}/`));
  const expired = token !== null && sessionExpired(token, now);

  if (!isPublic && (token === null || expired)) {
    const target = new URL("/sign-in", request.url);
    target.searchParams.set("callbackUrl", safeTarget(`${path}${request.nextUrl.search}`));
    if (expired) target.searchParams.set("reason", "expired");
    const response = NextResponse.redirect(target);
    if (expired) response.cookies.delete(cookieName);
    return securityHeaders(response, csp);
  }
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  if (token && !expired && now - (token.lastActive ?? 0) > 60) {
    const refreshed = await encode({ token: { ...token, lastActive: now }, secret, maxAge: maxSessionSeconds });
    response.cookies.set(cookieName, refreshed, sessionCookieOptions(secure, maxSessionSeconds));
  }
  return securityHeaders(response, csp);
}

export const config = {
  matcher: [
    // Route handlers check themselves; the proxy sees only those whose path holds a %-escape, to refuse a malformed one.
    "/api/(.*%.*)",
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
