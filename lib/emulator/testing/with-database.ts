// For tests only: the emulator and a fresh embedded database that a loader's tests read through.
import { afterAll, beforeAll } from "vitest";
import type { Database, OpenDatabase } from "@/lib/db";
import { freshDatabase } from "@/lib/db/testing";
import type { SendbirdClient, SendbirdClientOptions } from "@/lib/sendbird/client";
import { emulatedClient } from "@/lib/sendbird/testing/emulated";
import { startTestEmulator } from "./harness";
import type { TestEmulator } from "./harness";

const started = <T>(value: T | undefined): T => {
  if (value === undefined) throw new Error("The emulator and database start before the tests of the describe block; use them inside a test.");
  return value;
};

/**
 * Starts an emulator and opens a fresh PGlite database before the tests of the calling describe block, and
 * closes both after them. `client` talks to the emulator on its master token unless given another.
 */
export function emulatorWithDatabase(): {
  readonly emulator: TestEmulator;
  readonly db: Database;
  client(options?: Partial<SendbirdClientOptions>): SendbirdClient;
} {
  let t: TestEmulator | undefined;
  let d: OpenDatabase | undefined;
  // Opening and migrating a fresh embedded database takes several seconds on a busy machine.
  beforeAll(async () => {
    [t, d] = await Promise.all([startTestEmulator(), freshDatabase("pglite")]);
  }, 30_000);
  afterAll(async () => {
    await t?.close();
    await d?.close();
  });
  return {
    get emulator() {
      return started(t);
    },
    get db() {
      return started(d).db;
    },
    client: (options = {}) => emulatedClient(started(t), options),
  };
}
