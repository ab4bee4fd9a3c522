export { createEmulator, defaultMasterToken } from "./emulator";
export type { Emulator, EmulatorOptions } from "./emulator";
export { createClock } from "./clock";
export type { Clock } from "./clock";
export { serveEmulator } from "./server";
export type { RunningEmulator } from "./server";
