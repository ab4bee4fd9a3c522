// npm run emulator -- --port 8090 --seed 42: the Sendbird Platform API emulator on its own.
import { parseArgs } from "node:util";
import { createEmulator, defaultMasterToken, serveEmulator } from "@/lib/emulator";
import { seedSizes } from "@/lib/emulator/seed/seed";
import type { SeedSize } from "@/lib/emulator/seed/seed";
import { loadSettingsFiles } from "./lib/env-files";

// EMULATOR_PORT and EMULATOR_MASTER_TOKEN may sit in the same settings files as the console's.
loadSettingsFiles();

const usage = `Usage: npm run emulator -- [--port 8090] [--seed 42] [--size demo|small|large|empty] [--no-rate-limits] [--simulate] [--frozen]`;

function fail(message: string): never {
  console.error(`emulator: ${message}\n${usage}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: "string", default: process.env.EMULATOR_PORT ?? "8090" },
      host: { type: "string", default: "127.0.0.1" },
      seed: { type: "string", default: "42" },
      size: { type: "string", default: "demo" },
      "no-rate-limits": { type: "boolean", default: false },
      simulate: { type: "boolean", default: false },
      frozen: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  }));
} catch (err) {
  fail(err instanceof Error ? err.message : String(err));
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a port number, got "${values.port}".`);
const seed = Number(values.seed);
if (!Number.isInteger(seed) || seed < 0) fail(`--seed must be a non-negative integer, got "${values.seed}".`);
if (!(values.size in seedSizes)) fail(`--size must be one of ${Object.keys(seedSizes).join(", ")}.`);
const masterToken = process.env.EMULATOR_MASTER_TOKEN || defaultMasterToken;

const emulator = createEmulator({
  seed,
  size: values.size as SeedSize,
  masterToken,
  rateLimits: !values["no-rate-limits"],
  simulate: values.simulate,
  // A clock that stands still until moved (POST /__emulator/clock/advance), for repeatable runs.
  ...(values.frozen ? { clock: { frozenAt: Date.now() } } : {}),
});
const running = await serveEmulator(emulator, { port, host: values.host }).catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));
console.log(`Sendbird emulator listening (seed ${seed}, ${values.size} world${values.simulate ? ", simulator on" : ""}${values.frozen ? ", clock frozen" : ""})
  Live + Calls API  ${running.callsBaseUrl}
  Chat API          ${running.chatBaseUrl}
  Control plane     ${running.origin}/__emulator
  Sendbird's SDKs   server ${running.origin} (their paths start with /v1 or /v3)
  Master API token  ${masterToken}
Try: curl -H "Api-Token: ${masterToken}" "${running.callsBaseUrl}/live-events?limit=3"`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void running.close().then(() => process.exit(0));
  });
}
