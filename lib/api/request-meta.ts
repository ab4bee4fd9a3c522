import "server-only";
import { randomUUID } from "node:crypto";
import { isIP } from "node:net";
import type { RequestMeta } from "@/lib/actions/core";
import { requestContext } from "@/lib/observability/request-context";

/** What is kept of a client's user agent: enough to tell browsers apart, never a page of text. */
export const userAgentLimit = 256;

/**
 * Who sent a request, for its audit row and the sign-in back-off: request id, client address and user agent.
 * The console's server (scripts/serve.ts) has already replaced `X-Forwarded-For` with the one address it
 * believes (lib/net/forwarded.ts); anything else found there is not an address and is not stored.
 */
export function requestMeta(h: Headers): RequestMeta {
  // The console's server gave the request its id (its log lines and X-Request-Id carry the same one).
  const requestId = requestContext()?.id ?? h.get("x-request-id") ?? "";
  const ip = h.get("x-forwarded-for")?.split(",")[0]?.trim() ?? "";
  return {
    requestId: /^[\w.:-]{1,128}$/.test(requestId) ? requestId : randomUUID(),
    ip: isIP(ip) ? ip : "unknown",
    userAgent: (h.get("user-agent") ?? "").slice(0, userAgentLimit),
  };
}
