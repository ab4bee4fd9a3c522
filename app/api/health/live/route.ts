import { probeRoute } from "@/lib/api/route";
import { database } from "@/lib/db/server";
import { liveness } from "@/lib/health/probes";

// GET /api/health/live — liveness for orchestrators: the process and its database answer (200, else 503).
// Never calls Sendbird, so a Sendbird outage restarts nothing. Public; no secrets, no application data.
export const GET = probeRoute(() => liveness(database));
