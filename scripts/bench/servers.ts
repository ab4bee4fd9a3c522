// Child process for the benchmarks: serves either the emulator or a bare node:http server and prints its port.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createEmulator, serveEmulator } from "@/lib/emulator";
import { seedWorld } from "@/lib/emulator/seed/seed";
import type { LiveEventRecord, ParticipantRecord } from "@/lib/emulator/store/records";
import { newLiveEventRecord } from "@/lib/emulator/store/live-events";

/** `count` participant entries of one event, spread over its time on air; those still there have no exit. */
function audience(event: LiveEventRecord, count: number, tag: string): ParticipantRecord[] {
  const from = event.started_at ?? event.created_at;
  const to = event.ended_at ?? Date.now();
  return Array.from({ length: count }, (_, i) => {
    const enteredAt = from + Math.floor(((to - from) * i) / count);
    return {
      participant_id: `${tag}-${i}`,
      client_id: `${tag}-c${i}`,
      user_id: `viewer-${(i * 7919) % 20_000}`,
      entered_at: enteredAt,
      exited_at: event.ended_at === null ? null : Math.min(to, enteredAt + 600_000),
    };
  });
}

const mode = process.argv[2];
if (mode === "emulator") {
  // `emulator` serves the demo world; `emulator <n> [limits]` serves n live events (for the export), optionally rate-limited.
  const events = process.argv[3] ? Number(process.argv[3]) : null;
  const emulator = createEmulator({ seed: events === null ? 42 : null, rateLimits: process.argv[4] === "limits" });
  if (events !== null) seedWorld(emulator.store, 42, { users: 30, liveEvents: events, calls: 0, rooms: 0, apiTokens: 0 });
  const running = await serveEmulator(emulator, { port: 0 });
  console.log(JSON.stringify({ port: running.port }));
} else if (mode === "calls") {
  // `calls <n>`: a month of n direct calls, behind Sendbird's published rate limits.
  const emulator = createEmulator({ seed: null, rateLimits: true });
  seedWorld(emulator.store, 42, { users: 200, liveEvents: 0, calls: Number(process.argv[3]), rooms: 0, apiTokens: 0 });
  const running = await serveEmulator(emulator, { port: 0 });
  console.log(JSON.stringify({ port: running.port }));
} else if (mode === "crawl") {
  // `crawl <events> <participants>`: events whose audience is exactly that many entries each, without rate
  // limits. A line "big <n>" on stdin puts one more event on air with n participants ("ok" on stdout).
  const [events, size] = [Number(process.argv[3]), Number(process.argv[4])];
  const emulator = createEmulator({ seed: null, rateLimits: false });
  seedWorld(emulator.store, 42, { users: 30, liveEvents: events, calls: 0, rooms: 0, apiTokens: 0 });
  for (const event of emulator.store.liveEvents.values()) {
    if (event.started_at === null) continue;
    event.participants = audience(event, size, event.live_event_id);
    event.cumulative_participant_count = event.peak_participant_count = size;
  }
  const running = await serveEmulator(emulator, { port: 0 });
  console.log(JSON.stringify({ port: running.port }));
  process.stdin.setEncoding("utf8").on("data", (line: string) => {
    const n = Number(/^big (\d+)/.exec(line)?.[1] ?? 0);
    const now = emulator.store.now();
    const event = newLiveEventRecord(
      { host_type: "single_host", live_event_type: "live_event_for_video", user_ids_for_host: [], title: "Big" },
      emulator.store.newId(),
      now - 3_600_000,
    );
    Object.assign(event, { state: "ongoing", set_ready_at: now - 3_500_000, started_at: now - 3_000_000 });
    event.participants = audience(event, n, "big");
    event.cumulative_participant_count = event.peak_participant_count = n;
    emulator.store.addLiveEvent(event);
    console.log("ok");
  });
} else if (mode === "bare") {
  const bytes = Buffer.from(process.argv[3] ?? "", "base64");
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json; charset=utf-8" });
    res.end(bytes);
  });
  server.listen(0, "127.0.0.1", () => console.log(JSON.stringify({ port: (server.address() as AddressInfo).port })));
} else {
  console.error("usage: servers.ts emulator [events [limits]] | calls <n> | crawl <events> <participants> | bare <base64 body>");
  process.exit(2);
}
