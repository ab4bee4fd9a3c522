import "server-only";
import { settings } from "@/lib/env";
import { createSendbirdClient } from "./client";
import type { SendbirdClient, SendbirdClientOptions } from "./client";

let shared: SendbirdClient | undefined;

/** The console's client for the configured application (token from server env only). */
export function sendbird(): SendbirdClient {
  shared ??= createSendbirdClient(clientOptions());
  return shared;
}

/** Options for a client of the configured application, with overrides (e.g. a short timeout for checks). */
export function clientOptions(overrides: Partial<SendbirdClientOptions> = {}): SendbirdClientOptions {
  const s = settings();
  return { apiToken: s.apiToken, callsBaseUrl: s.callsBaseUrl, chatBaseUrl: s.chatBaseUrl, throttle: s.clientThrottle, ...overrides };
}
