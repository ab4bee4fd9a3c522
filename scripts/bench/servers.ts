// Child process for the benchmarks: serves either the emulator or a bare node:http server and prints its port.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createEmulator, serveEmulator } from "@/lib/emulator";

const mode = process.argv[2];
if (mode === "emulator") {
  const emulator = createEmulator({ seed: 42, rateLimits: false });
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
  console.error("usage: servers.ts emulator | bare <base64 body>");
  process.exit(2);
}
