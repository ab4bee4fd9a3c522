import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { NextResponse } from "next/server";
import { syncStatus } from "@/lib/activity/status";
import { apiError } from "@/lib/api/route";
import { database } from "@/lib/db/server";
import { settings } from "@/lib/env";
import { errorText, log } from "./log";
import { metrics } from "./metrics";

/** Compares two strings in time that does not depend on where they differ. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** The bearer token a request carries, or null. */
function bearer(request: Request): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "");
  return match?.[1] ?? null;
}

/**
 * The Prometheus scrape: 404 while no token is set, 401 without it, else the process's metrics, with the
 * activity sync's last finished pass read (`lastSync`) first, so every instance reports the cluster's sync
 * and not only its own.
 */
export async function scrape(request: Request, token: string | null, lastSync: () => Promise<number | null>): Promise<NextResponse> {
  if (!token) return apiError(404, "not_found", "Metrics are off: set METRICS_TOKEN to turn them on.");
  const given = bearer(request);
  if (!given || !sameSecret(given, token)) {
    const response = apiError(401, "unauthenticated", "Send the metrics token as `Authorization: Bearer <METRICS_TOKEN>`.");
    response.headers.set("www-authenticate", 'Bearer realm="metrics"');
    return response;
  }
  const m = metrics();
  try {
    m.syncFinished(await lastSync());
  } catch (err) {
    // The scrape still answers with what this process counted; the sync's gauges keep their last reading.
    log.warn("the activity sync's state could not be read for metrics", { problem: errorText(err) });
  }
  return new NextResponse(await m.registry.metrics(), { headers: { "content-type": m.registry.contentType, "cache-control": "no-store" } });
}

/** GET /api/metrics, on this process's settings and database. */
export function metricsRoute(request: Request): Promise<NextResponse> {
  const { metricsToken, syncIntervalS, activityWindowDays } = settings();
  return scrape(request, metricsToken, async () => {
    const status = await syncStatus(await database(), { syncIntervalS, activityWindowDays }, Date.now(), { withSize: false });
    return status.last?.finishedAt ?? null;
  });
}
