import { metricsRoute } from "@/lib/observability/scrape";

// GET /api/metrics — Prometheus text for scrapers sending `Authorization: Bearer $METRICS_TOKEN`; 404 while
// that setting is unset, 401 without the token. Counts and timings only: no application data, no secret.
export const GET = metricsRoute;
