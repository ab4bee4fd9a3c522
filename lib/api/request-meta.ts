import "server-only";
import { randomUUID } from "node:crypto";
import type { RequestMeta } from "@/lib/actions/core";

/** Who sent a request, for its audit row: request id, client IP (first forwarded hop) and user agent. */
export function requestMeta(h: Headers): RequestMeta {
  return {
    requestId: h.get("x-request-id") ?? randomUUID(),
    ip: h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || "unknown",
    userAgent: h.get("user-agent") ?? "",
  };
}
