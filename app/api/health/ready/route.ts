import { probeRoute } from "@/lib/api/route";
import { database } from "@/lib/db/server";
import { readiness, sendbirdCheck } from "@/lib/health/probes";
import { reuseFor } from "@/lib/reuse";
import { sendbird } from "@/lib/sendbird/server";

/** Probes share one Sendbird check for this long, so anonymous traffic cannot spend the client's rate budget. */
const sharedCheck = reuseFor("health.ready", 5_000, () => sendbirdCheck(sendbird()));

// GET /api/health/ready — readiness for orchestrators and load balancers: the database and Sendbird both
// answer with this console's token (200, else 503). Public; no secrets, no application data.
export const GET = probeRoute(() => readiness(database, sharedCheck));
