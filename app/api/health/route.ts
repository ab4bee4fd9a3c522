import { z } from "zod";
import { publicRoute } from "@/lib/api/route";
import { settings } from "@/lib/env";
import { sendbird } from "@/lib/sendbird/server";

// GET /api/health — whether the Live & Calls API answers this console (one read, no Sendbird data returned); public for load-balancer probes.
export const GET = publicRoute(z.object({}).strict(), async () => {
  const started = performance.now();
  await sendbird().liveEvents.list({ limit: 1 });
  return { ok: true, mode: settings().mode, roundTripMs: Math.round((performance.now() - started) * 10) / 10 };
});
