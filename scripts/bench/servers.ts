// Child process for the benchmarks: serves either the emulator or a bare node:http server and prints its port.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createEmulator, serveEmulator } from "@/lib/emulator";
import { seedWorld } from "@/lib/emulator/seed/seed";

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
} else if (mode === "bare") {
  const bytes = Buffer.from(process.argv[3] ?? "", "base64");
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json; charset=utf-8" });
    res.end(bytes);
  });
  server.listen(0, "127.0.0.1", () => console.log(JSON.stringify({ port: (server.address() as AddressInfo).port })));
} else {
  console.error("usage: servers.ts emulator [events [limits]] | calls <n> | bare <base64 body>");
  process.exit(2);
}
