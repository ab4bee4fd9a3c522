import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { startSampler } from "@/lib/activity/sampler";
import type { Sampler } from "@/lib/activity/sampler";
import { storedChannel } from "@/lib/alerts/channels/config";
import { createEvaluator } from "@/lib/alerts/evaluator";
import { openDatabase } from "@/lib/db";
import { alertChannels, alertRules } from "@/lib/db/schema";
import { createEmulator, defaultMasterToken, serveEmulator } from "@/lib/emulator";
import { createSendbirdClient } from "@/lib/sendbird/client";
import type { Figure } from "./figure";
import { percentile } from "./figure";

const onAir = 50;
/** The sample interval of the latency figure: short, so five drops take seconds, not minutes. */
const intervalMs = 5000;
const drops = 5;
const rounds = 20;

/**
 * Alerting with 50 events on air, each with a connected host, in an emulator on real time, and the default
 * rules (the host rule made to open at once, to a local webhook receiver): the cost of one evaluator round
 * after a sampling round (with the Sendbird requests it adds), and the time from a host drop to the
 * webhook's receiving the alert, the sampler on its own timer as the console runs it.
 */
export async function alertFigures(): Promise<Figure[]> {
  const emulator = createEmulator({ seed: null, rateLimits: false });
  const running = await serveEmulator(emulator, { port: 0 });
  const database = await openDatabase({ databaseUrl: null, dataDir: mkdtempSync(join(tmpdir(), "bench-alerts-")) });
  const received: { at: number; body: { type: string; alert: { subject: { id: string } } | null } }[] = [];
  const receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      received.push({ at: Date.now(), body: JSON.parse(body) as (typeof received)[number]["body"] });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const samplers: Sampler[] = [];
  try {
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${running.origin}${path}`, {
        method,
        headers: { "api-token": defaultMasterToken, "content-type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as Record<string, { live_event_id?: string; host_id?: string }>;
    };
    const events: string[] = [];
    for (let i = 0; i < onAir; i += 1) {
      const userId = `bench-host-${i}`;
      await call("POST", "/v3/users", { user_id: userId, nickname: `Host ${i}`, profile_url: "" });
      const id =
        (await call("POST", "/v1/live-events", { host_type: "single_host", user_ids_for_host: [userId], title: `Bench show ${i}` })).live_event
          ?.live_event_id ?? "";
      await call("POST", `/v1/live-events/${id}/ready`);
      await call("POST", `/v1/live-events/${id}/start`);
      const hostId = (await call("POST", `/__emulator/live-events/${id}/hosts`, { user_id: userId })).host?.host_id ?? "";
      await call("POST", `/__emulator/live-events/${id}/hosts/${hostId}/connect`);
      await call("POST", `/__emulator/live-events/${id}/participants/join`, { count: 30 + i });
      events.push(id);
    }

    const db = database.db;
    const policy = { allowHttpLoopback: true, allowPrivate: false };
    const key = randomBytes(32);
    const { port } = receiver.address() as AddressInfo;
    const { channel } = await storedChannel({ kind: "webhook", name: "bench", url: `http://127.0.0.1:${port}/hook` }, { key, policy });
    const [made] = await db.insert(alertChannels).values(channel).returning();
    await db
      .update(alertRules)
      .set({ params: { seconds: 0 }, channelIds: [made?.id ?? ""] })
      .where(eq(alertRules.kind, "host_absent"));

    let requests = 0;
    const client = createSendbirdClient({
      apiToken: defaultMasterToken,
      callsBaseUrl: `${running.origin}/v1`,
      chatBaseUrl: `${running.origin}/v3`,
      throttle: false,
      fetch: (input, init) => {
        requests += 1;
        return fetch(input, init);
      },
    });
    const evaluator = createEvaluator({ db, client, key, policy, origin: "http://localhost:3000", sync: { enabled: true, since: Date.now() } });
    const costs: number[] = [];
    let extra = 0;
    const judged = async (read: Parameters<typeof evaluator.round>[0]) => {
      const before = requests;
      const started = performance.now();
      await evaluator.round(read);
      costs.push(performance.now() - started);
      extra += requests - before;
    };

    // The cost: sampling rounds ticked by hand, each followed by the evaluator, nothing wrong on air.
    const manual = startSampler({ db, client, intervalMs: 3_600_000, log: () => undefined, afterRound: judged });
    samplers.push(manual);
    for (let i = 0; i < rounds; i += 1) await manual.tick();
    await manual.stop();
    const [p50, p95] = [percentile(costs, 50), percentile(costs, 95)];

    // The latency: the sampler on its timer; each drop lands at a random moment of its interval.
    samplers.push(startSampler({ db, client, intervalMs, log: () => undefined, afterRound: (read) => evaluator.round(read).then(() => undefined) }));
    const latencies: number[] = [];
    for (let i = 0; i < drops; i += 1) {
      const id = events[i] ?? "";
      await new Promise((resolve) => setTimeout(resolve, Math.random() * intervalMs));
      const droppedAt = Date.now();
      await call("POST", `/__emulator/live-events/${id}/incidents/host-drop`, { hold: true });
      const arrived = await waitFor(() => received.find((r) => r.body.type === "alert.opened" && r.body.alert?.subject.id === id), intervalMs * 3);
      latencies.push(arrived.at - droppedAt);
      await call("POST", `/__emulator/live-events/${id}/incidents/recover`, {});
      await waitFor(() => received.find((r) => r.body.type === "alert.resolved" && r.body.alert?.subject.id === id), intervalMs * 3);
    }
    const worst = Math.max(...latencies);
    return [
      {
        name: `alert evaluator, one round after sampling ${onAir} events on air (default rules, ${rounds} rounds)`,
        value: `${p50.toFixed(1)} ms p50, ${p95.toFixed(1)} ms p95; ${extra} Sendbird requests added by the evaluator`,
        budget: "no extra Sendbird reads, ≤ 50 ms",
        ok: extra === 0 && p50 <= 50,
        row: "alertRound",
      },
      {
        name: `host drop in the emulator to the webhook receiving the alert, sampling every ${intervalMs / 1000} s (${drops} drops)`,
        value: `${(percentile(latencies, 50) / 1000).toFixed(2)} s p50, ${(worst / 1000).toFixed(2)} s worst`,
        budget: `≤ the sample interval + 2 s (${intervalMs / 1000 + 2} s)`,
        ok: worst <= intervalMs + 2000,
        row: "alertLatency",
      },
    ];
  } finally {
    await Promise.all(samplers.map((s) => s.stop()));
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
    await database.close();
    await running.close();
  }
}

async function waitFor<T>(find: () => T | undefined, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error(`nothing arrived within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
