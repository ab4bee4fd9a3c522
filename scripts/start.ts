// npm start: the emulator with the demo world and the simulator, on $EMULATOR_PORT (8090).
import { createEmulator, defaultMasterToken, serveEmulator } from "@/lib/emulator";

const port = Number(process.env.EMULATOR_PORT ?? "8090");
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`EMULATOR_PORT must be a port number (1–65535), got "${process.env.EMULATOR_PORT}".`);
  process.exit(1);
}
const masterToken = process.env.EMULATOR_MASTER_TOKEN || defaultMasterToken;
const emulator = createEmulator({ seed: 42, masterToken, simulate: true });
const running = await serveEmulator(emulator, { port }).catch((err: unknown) => {
  console.error(`Could not listen on 127.0.0.1:${port}: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
console.log(`Showrunner — Sendbird emulator with the demo world (simulator on)
  Live + Calls API  ${running.callsBaseUrl}
  Chat API          ${running.chatBaseUrl}
  Control plane     ${running.origin}/__emulator
  Master API token  ${masterToken}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void running.close().then(() => process.exit(0));
  });
}
