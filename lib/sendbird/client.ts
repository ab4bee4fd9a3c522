import "server-only";
import { timingSafeEqual } from "node:crypto";
import { apiTokensResource } from "./resources/api-tokens";
import { directCallsResource } from "./resources/direct-calls";
import { liveEventsResource } from "./resources/live-events";
import { recordingsResource } from "./resources/recordings";
import { roomsResource } from "./resources/rooms";
import { usersResource } from "./resources/users";
import { Transport } from "./transport";
import type { TransportOptions } from "./transport";

export interface SendbirdClientOptions extends Omit<TransportOptions, "callsBaseUrl" | "chatBaseUrl"> {
  /** The application id; gives the default base URLs. */
  appId?: string | undefined;
  /** Overrides `https://api-{appId}.calls.sendbird.com/v1` (Live and Calls). */
  callsBaseUrl?: string | undefined;
  /** Overrides `https://api-{appId}.sendbird.com/v3` (Chat). */
  chatBaseUrl?: string | undefined;
}

export interface SendbirdClient {
  liveEvents: ReturnType<typeof liveEventsResource>;
  recordings: ReturnType<typeof recordingsResource>;
  directCalls: ReturnType<typeof directCallsResource>;
  rooms: ReturnType<typeof roomsResource>;
  users: ReturnType<typeof usersResource>;
  apiTokens: ReturnType<typeof apiTokensResource>;
  /** Whether this client runs on the given token value (compared in constant time): the console never revokes its own. */
  runsOn(token: string): boolean;
  /** The last four characters of the token it runs on, the only part of it ever shown. */
  tokenLast4: string;
  /** A client on the same hosts and rate budget with another token and no retries, to check that the token works. */
  withToken(apiToken: string): SendbirdClient;
}

/**
 * The typed Sendbird Platform API client: one namespace per resource, every answer parsed and mapped to a DTO.
 * Each resource is one file in resources/, named as its schemas, emulator routes and emulator store are.
 */
export function createSendbirdClient(options: SendbirdClientOptions): SendbirdClient {
  const callsBaseUrl = options.callsBaseUrl ?? (options.appId ? `https://api-${options.appId}.calls.sendbird.com/v1` : undefined);
  const chatBaseUrl = options.chatBaseUrl ?? (options.appId ? `https://api-${options.appId}.sendbird.com/v3` : undefined);
  if (!callsBaseUrl || !chatBaseUrl) throw new Error("createSendbirdClient needs an appId or both base URLs.");
  const transport = new Transport({ ...options, callsBaseUrl, chatBaseUrl });
  return {
    liveEvents: liveEventsResource(transport),
    recordings: recordingsResource(transport),
    directCalls: directCallsResource(transport),
    rooms: roomsResource(transport),
    users: usersResource(transport),
    apiTokens: apiTokensResource(transport),
    runsOn: (token: string) => sameToken(token, options.apiToken),
    tokenLast4: options.apiToken.slice(-4),
    withToken: (apiToken: string) => createSendbirdClient({ ...options, apiToken, onAnswered: undefined, maxRetries: 0 }),
  };
}

/** Compares two token values in constant time. */
export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
