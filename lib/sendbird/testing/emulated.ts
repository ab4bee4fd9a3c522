// For tests only: the console's client pointed at a test emulator, on its master token, as actions and loaders are handed it.
import type { TestEmulator } from "@/lib/emulator/testing/harness";
import { createSendbirdClient } from "../client";
import type { SendbirdClient, SendbirdClientOptions } from "../client";

export function emulatedClient(t: TestEmulator, overrides: Partial<SendbirdClientOptions> = {}): SendbirdClient {
  return createSendbirdClient({ apiToken: t.master, callsBaseUrl: t.running.callsBaseUrl, chatBaseUrl: t.running.chatBaseUrl, ...overrides });
}

/** A client for actions that must not reach Sendbird: every use of it fails the test. */
export const noSendbird = new Proxy({} as SendbirdClient, {
  get(_target, resource) {
    throw new Error(`This action was not expected to call Sendbird (it used ${String(resource)}).`);
  },
});
