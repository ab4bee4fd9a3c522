import { z } from "zod";
import { publicRoute } from "@/lib/api/route";
import { settings } from "@/lib/env";
import { sendbird } from "@/lib/sendbird/server";

/** Probes share one upstream check for this long, so anonymous traffic cannot spend the client's rate budget. */
const reuseMs = 5_000;
let last: { at: number; check: Promise<{ ok: true; roundTripMs: number }> } | null = null;

function check(): Promise<{ ok: true; roundTripMs: number }> {
  if (last && Date.now() - last.at < reuseMs) return last.check;
  const started = performance.now();
  const current = {
    at: Date.now(),
    check: sendbird()
      .liveEvents.list({ limit: 1 })
      .then(() => ({ ok: true as const, roundTripMs: Math.round((performance.now() - started) * 10) / 10 })),
  };
  // A failed check is not reused: the next probe asks again.
  current.check.catch(() => {
    if (last === current) last = null;
  });
  last = current;
  return current.check;
}

// GET /api/health — whether the Live & Calls API answers this console (one read at most every 5 s, no
// Sendbird data returned); public for load-balancer probes.
export const GET = publicRoute(z.object({}).strict(), async () => ({ ...(await check()), mode: settings().mode }));
