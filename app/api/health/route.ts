import { z } from "zod";
import { publicRoute } from "@/lib/api/route";
import { settings } from "@/lib/env";
import { reuseFor } from "@/lib/reuse";
import { sendbird } from "@/lib/sendbird/server";

/** Probes share one upstream check for this long, so anonymous traffic cannot spend the client's rate budget; a failed check is not kept. */
const check = reuseFor("health", 5_000, async () => {
  const started = performance.now();
  await sendbird().liveEvents.list({ limit: 1 });
  return { ok: true as const, roundTripMs: Math.round((performance.now() - started) * 10) / 10 };
});

// GET /api/health — whether the Live & Calls API answers this console (one read at most every 5 s, no
// Sendbird data returned); public. Orchestrators have /api/health/live and /api/health/ready.
export const GET = publicRoute(z.object({}).strict(), async () => ({ ...(await check()), mode: settings().mode }));
